import { useState } from 'react';
import { Alert, App, Button, Drawer, Form, Grid, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAddMember, useUpdateMember } from '../../api/households';
import { uuidv7 } from '../../api/ids';
import type { Member } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { MemberFields } from './MemberFields';
import { memberBody, memberChanges, memberValues, relations, type MemberValues } from './memberForm';

interface Props {
  householdId: string;
  /** The member to edit; absent to add one. */
  member?: Member;
  open: boolean;
  onClose: () => void;
  /** A 409: someone saved first; the household has been reloaded. */
  onStale: () => void;
}

/** 添加成员 / 编辑成员 in a drawer (full width on a phone). Only changed fields are sent on edit. */
export function MemberDrawer({ householdId, member, open, onClose, onStale }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const phone = Grid.useBreakpoint().sm === false;
  const [form] = Form.useForm<MemberValues>();
  const [id] = useState(uuidv7);
  const add = useAddMember();
  const update = useUpdateMember();
  const showError = useApiError();
  const relation = Form.useWatch('relation', form);
  const becomesHead = !!member && member.relation !== 'head' && relation === 'head';

  const submit = async () => {
    const v = await form.validateFields();
    const onError = (e: unknown) => showError(e, { form, onStale: () => (onStale(), onClose()) });
    if (member) {
      const changes = memberChanges(member, v);
      if (Object.keys(changes).length === 0) return onClose();
      update.mutate(
        { id: member.id, version: member.version, ...changes },
        { onSuccess: (m) => (void message.success(t('members.updated', { name: m.name })), onClose()), onError },
      );
    } else {
      add.mutate(
        { householdId, id, ...memberBody(v) },
        { onSuccess: (m) => (void message.success(t('members.added', { name: m.name })), onClose()), onError },
      );
    }
  };

  return (
    <Drawer
      title={member ? t('members.editTitle', { name: member.name }) : t('members.addTitle')}
      open={open}
      onClose={onClose}
      size={phone ? '100%' : 640}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={add.isPending || update.isPending} onClick={() => void submit().catch(() => {})}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<MemberValues>
        form={form}
        layout="vertical"
        initialValues={member ? memberValues(member) : { relation: undefined, isPartyMember: false }}
        autoComplete="off"
        onFinish={() => void submit().catch(() => {})}
      >
        <MemberFields
          maskedIdNumber={member?.idNumber?.includes('*') ? member.idNumber : null}
          maskedPhone={member?.phone?.includes('*') ? member.phone : null}
        />
        {becomesHead && (
          <>
            <Alert type="info" showIcon title={t('members.headChangeHint')} style={{ marginBottom: 16 }} />
            <Form.Item
              name="formerHeadRelation"
              label={t('members.formerHeadRelation')}
              rules={[{ required: true, message: t('common.select', { field: t('members.formerHeadRelation') }) }]}
            >
              <Select options={relations.filter((r) => r !== 'head').map((r) => ({ value: r, label: t(`members.relations.${r}`) }))} />
            </Form.Item>
          </>
        )}
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
