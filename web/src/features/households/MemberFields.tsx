import { Col, DatePicker, Form, Input, Radio, Row, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { checkIdNumber } from '../../app/idNumber';
import { phonePattern } from '../../app/validators';
import { IdNumberField } from './IdNumberField';
import { educations, healths, labours, relations, schoolings } from './memberForm';
import { fieldRules } from '../../app/fieldRules';

interface Props {
  /** Where the member sits in the form: [] for the member drawer, ['members', 0] for a new household's head. */
  prefix?: (string | number)[];
  /** Leave out the relation (a new household's first member is its head). */
  hideRelation?: boolean;
  /** The masked ID number on file, when editing without seeing it. */
  maskedIdNumber?: string | null;
  maskedPhone?: string | null;
  /** Only name, ID number, sex, birth date and phone (the head in the household form). */
  brief?: boolean;
}

/** The fields of a member (成员). Birth date and sex follow a valid ID number and are then locked. */
export function MemberFields({ prefix = [], hideRelation, maskedIdNumber, maskedPhone, brief }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const n = (k: string) => [...prefix, k];
  const id = Form.useWatch<string | undefined>(n('idNumber'), form);
  const fromId = !!id && checkIdNumber(id).ok;
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item
          name={n('name')}
          label={t('members.name')}
          rules={[
            { ...required(t('members.name')), whitespace: true },
            { min: fieldRules.personName.min, max: fieldRules.personName.max, message: t('members.nameRule') },
          ]}
        >
          <Input maxLength={fieldRules.personName.max} autoComplete="off" />
        </Form.Item>
      </Col>
      {!hideRelation && (
        <Col xs={24} sm={12}>
          <Form.Item
            name={n('relation')}
            label={t('members.relation')}
            rules={[{ required: true, message: t('common.select', { field: t('members.relation') }) }]}
          >
            <Select options={relations.map((r) => ({ value: r, label: t(`members.relations.${r}`) }))} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} sm={hideRelation ? 12 : 24}>
        <IdNumberField prefix={prefix} maskedValue={maskedIdNumber} />
      </Col>
      <Col xs={12} sm={hideRelation ? 12 : 12}>
        <Form.Item name={n('sex')} label={t('members.sex')}>
          <Radio.Group
            disabled={fromId}
            options={[
              { value: 'male', label: t('members.sexes.male') },
              { value: 'female', label: t('members.sexes.female') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={12} sm={12}>
        <Form.Item name={n('birthDate')} label={t('members.birthDate')}>
          <DatePicker disabled={fromId} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name={n('phone')}
          label={t('members.phone')}
          rules={[{ pattern: phonePattern, message: t('users.phoneRule') }]}
          extra={maskedPhone ? `${maskedPhone} · ${t('members.idNumberMaskedHelp')}` : undefined}
        >
          <Input inputMode="tel" maxLength={fieldRules.phone.max} autoComplete="off" placeholder={maskedPhone ?? undefined} />
        </Form.Item>
      </Col>
      {!brief && (
        <>
          <Col xs={24} sm={12}>
            <Form.Item name={n('health')} label={t('members.health')}>
              <Select allowClear options={healths.map((v) => ({ value: v, label: t(`members.healths.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={n('disability')} label={t('members.disability')}>
              <Input maxLength={50} placeholder={t('members.disabilityPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={n('education')} label={t('members.education')}>
              <Select allowClear options={educations.map((v) => ({ value: v, label: t(`members.educations.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={n('schooling')} label={t('members.schooling')}>
              <Select allowClear options={schoolings.map((v) => ({ value: v, label: t(`members.schoolings.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={n('labourAbility')} label={t('members.labourAbility')}>
              <Select allowClear options={labours.map((v) => ({ value: v, label: t(`members.labours.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={n('isPartyMember')} label={t('members.partyMember')} valuePropName="checked">
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}
