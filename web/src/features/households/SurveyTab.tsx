import { useState } from 'react';
import { Alert, App, Button, Empty, Flex, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useActiveSurveyForms, useCreateFormFromTemplate, useSurveyAnswers, useSurveyForm, useSurveyTemplates } from '../../api/surveys';
import type { SurveyTemplateKey } from '../../api/types';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { isAdmin, mayRecordSurvey } from '../../app/roles';
import { useApiError } from '../../app/useApiError';
import { SurveyAnswerForm } from './SurveyAnswerForm';
import { SurveyAnswerView } from './SurveyAnswerView';

const thisYear = new Date().getFullYear();

/**
 * 调查表: one answer set per year. This year's is filled in on the form as it is now; past years
 * are shown read only, each with the form version it was answered on.
 */
export function SurveyTab({ householdId, onStale }: { householdId: string; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const showError = useApiError();
  const forms = useActiveSurveyForms();
  const answers = useSurveyAnswers(householdId);
  const [year, setYear] = useState(thisYear);
  const [chosenForm, setChosenForm] = useState<string>();
  const formId = chosenForm ?? forms.data?.[0]?.id;
  const form = useSurveyForm(year === thisYear ? formId : undefined);
  const admin = isAdmin(user.role);
  const templates = useSurveyTemplates(admin && forms.data?.length === 0);
  const adopt = useCreateFormFromTemplate();

  if (forms.isPending || answers.isPending) return <Spin />;
  const all = answers.data ?? [];
  const years = [...new Set([thisYear, ...all.map((a) => a.year)])].sort((a, b) => b - a);
  const ofYear = all.filter((a) => a.year === year);
  const editable = year === thisYear && mayRecordSurvey(user.role);

  const noForm = (forms.data ?? []).length === 0 && (
    <Empty description={t('surveys.noForm')}>
      {admin && (
        <Space orientation="vertical" align="center">
          <Typography.Text type="secondary">{t('surveys.noFormHint')}</Typography.Text>
          {(templates.data ?? []).map((tpl) => (
            <Button
              key={tpl.key}
              type="primary"
              loading={adopt.isPending}
              onClick={() =>
                adopt.mutate(tpl.key as SurveyTemplateKey, {
                  onSuccess: (f) => void message.success(t('surveys.templateCreated', { name: f.name })),
                  onError: (e) => showError(e),
                })
              }
            >
              {t('surveys.useTemplate', { name: tpl.name })}
            </Button>
          ))}
        </Space>
      )}
    </Empty>
  );

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('surveys.year')}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: t('surveys.yearLabel', { year: y }) }))}
          style={{ width: 120 }}
        />
        {year === thisYear && (forms.data ?? []).length > 1 && (
          <Select
            aria-label={t('surveys.form')}
            value={formId}
            onChange={setChosenForm}
            options={(forms.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
            style={{ minWidth: 200 }}
          />
        )}
      </Flex>
      {year !== thisYear ? (
        <>
          <Alert type="info" showIcon title={t('surveys.readOnlyOld')} style={{ marginBottom: 12 }} />
          {ofYear.length === 0 ? (
            <Empty description={t('surveys.notAnswered', { year })} />
          ) : (
            ofYear.map((a) => <SurveyAnswerView key={a.id} answer={a} />)
          )}
        </>
      ) : !formId ? (
        noForm
      ) : !form.data ? (
        <Spin />
      ) : editable ? (
        <SurveyAnswerForm
          key={`${form.data.id}-${form.data.formVersion}-${ofYear.find((a) => a.formId === formId)?.version ?? 0}`}
          householdId={householdId}
          form={form.data}
          year={year}
          answer={ofYear.find((a) => a.formId === formId)}
          onStale={onStale}
        />
      ) : ofYear.length ? (
        ofYear.map((a) => <SurveyAnswerView key={a.id} answer={a} />)
      ) : (
        <Empty description={t('surveys.notAnswered', { year })} />
      )}
    </>
  );
}
