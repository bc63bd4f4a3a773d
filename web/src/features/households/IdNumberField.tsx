import { useEffect } from 'react';
import { Form, Input, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { checkIdNumber, type IdProblem } from '../../app/idNumber';

const problemKey: Record<IdProblem, 'members.idFormat' | 'members.idBirthDate' | 'members.idChecksum'> = {
  format: 'members.idFormat',
  birth_date: 'members.idBirthDate',
  checksum: 'members.idChecksum',
};

/**
 * 身份证号, checked (GB 11643) as it is typed. A valid number fills in the birth date and sex beside
 * it (at `prefix` + birthDate / sex), which the server would otherwise refuse as not matching.
 */
export function IdNumberField({ prefix = [], maskedValue }: { prefix?: (string | number)[]; maskedValue?: string | null }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const name = [...prefix, 'idNumber'];
  const value = Form.useWatch<string | undefined>(name, form);
  const checked = value ? checkIdNumber(value) : null;
  const info = checked?.ok ? checked.info : null;

  useEffect(() => {
    if (!info) return;
    form.setFieldValue([...prefix, 'birthDate'], dayjs(info.birthDate));
    form.setFieldValue([...prefix, 'sex'], info.sex);
    void form
      .validateFields([
        [...prefix, 'birthDate'],
        [...prefix, 'sex'],
      ])
      .catch(() => {});
    // Only when the meaning of the number changes, not on every render.
  }, [info?.birthDate, info?.sex]);

  const rules: Rule[] = [
    {
      validator: (_r, v: unknown) => {
        if (typeof v !== 'string' || v === '') return Promise.resolve();
        const r = checkIdNumber(v);
        return r.ok ? Promise.resolve() : Promise.reject(new Error(t(problemKey[r.problem])));
      },
    },
  ];

  return (
    <Form.Item
      name={name}
      label={t('members.idNumber')}
      rules={rules}
      hasFeedback
      normalize={(v: string) => v.toUpperCase().replace(/\s/g, '')}
      extra={
        info ? (
          <Typography.Text type="success">
            {t('members.idOk', { birthDate: info.birthDate, sex: t(`members.sexes.${info.sex}`) })}
          </Typography.Text>
        ) : maskedValue ? (
          `${maskedValue} · ${t('members.idNumberMaskedHelp')}`
        ) : (
          t('members.idNumberHelp')
        )
      }
    >
      <Input
        maxLength={18}
        inputMode="text"
        autoComplete="off"
        placeholder={maskedValue ?? undefined}
        style={{ fontFamily: 'monospace' }}
      />
    </Form.Item>
  );
}
