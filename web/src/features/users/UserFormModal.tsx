import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../api/ids';
import type { Role, User } from '../../api/types';
import { useCreateUser, useUpdateUser } from '../../api/users';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { assignableRoles } from '../../app/roles';
import { useApiError } from '../../app/useApiError';
import { passwordRules, phonePattern, sameAsRule, usernamePattern } from '../../app/validators';
import { RegionPicker } from '../regions/RegionPicker';
import { UnitSelect } from '../units/UnitSelect';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  unitId?: string | null;
  phone?: string;
  locale: 'zh-CN' | 'en';
  password: string;
  confirm: string;
}

interface Props {
  /** The user to edit; absent to create one. */
  user?: User;
  open: boolean;
  onClose: () => void;
  onStale: () => void;
}

/** 新建用户 / 编辑用户. Roles offered are those the administrator may give; the server checks again. */
export function UserFormModal({ user, open, onClose, onStale }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [id, setId] = useState(uuidv7);
  const create = useCreateUser();
  const update = useUpdateUser();
  const showError = useApiError();
  const editing = !!user;
  const saving = create.isPending || update.isPending;

  const submit = async () => {
    const v = await form.validateFields();
    const phone = v.phone?.trim() ? v.phone.trim() : null;
    const common = {
      displayName: v.displayName.trim(),
      role: v.role,
      regionCode: v.regionCode,
      unitId: v.unitId ?? null,
      phone,
      locale: v.locale,
    };
    const onError = (e: unknown) => showError(e, { form, onStale: () => (onStale(), onClose()) });
    if (user) {
      update.mutate(
        { id: user.id, version: user.version, ...common },
        { onSuccess: (u) => (void message.success(t('users.updated', { name: u.displayName })), onClose()), onError },
      );
    } else {
      create.mutate(
        { id, username: v.username.trim().toLowerCase(), password: v.password, ...common },
        { onSuccess: (u) => (void message.success(t('users.created', { name: u.displayName })), onClose()), onError },
      );
    }
  };

  const initial: Partial<Values> = user
    ? {
        displayName: user.displayName,
        role: user.role,
        regionCode: user.regionCode,
        unitId: user.unitId,
        phone: user.phone ?? undefined,
        locale: user.locale,
      }
    : { locale: 'zh-CN', regionCode: me.regionCode };

  return (
    <Modal
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      open={open}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      afterClose={() => setId(uuidv7())}
      width={560}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={initial} autoComplete="off">
        {!editing && (
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameHelp')}
            validateFirst
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('users.username') }) },
              { pattern: usernamePattern, message: t('users.usernameRule') },
            ]}
            normalize={(v: string) => v.toLowerCase()}
          >
            <Input autoComplete="off" autoCapitalize="none" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('users.displayName') }) },
            { max: 50, message: t('users.displayNameTooLong') },
          ]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('common.select', { field: t('users.role') }) }]}
        >
          <Select options={assignableRoles(me.role).map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('users.region')}
          rules={[{ required: true, message: t('common.select', { field: t('users.region') }) }]}
        >
          <RegionPicker />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.unit')} extra={t('users.unitHelp')}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={[{ pattern: phonePattern, message: t('users.phoneRule') }]}>
          <Input inputMode="tel" maxLength={13} />
        </Form.Item>
        <Form.Item name="locale" label={t('users.locale')}>
          <Select
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item name="password" label={t('users.password')} extra={t('auth.passwordRule')} rules={passwordRules(t)} hasFeedback>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('users.confirmPassword')}
              dependencies={['password']}
              rules={[{ required: true, message: t('auth.passwordRequired') }, sameAsRule(t, 'password')]}
              hasFeedback
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
