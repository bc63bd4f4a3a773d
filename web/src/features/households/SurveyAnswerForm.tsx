import { App, Button, Card, Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePutSurvey } from '../../api/surveys';
import type { SurveyAnswer, SurveyForm } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { SurveyItemInput } from './SurveyItemInput';

interface Props {
  householdId: string;
  form: SurveyForm;
  year: number;
  /** This year's answers already given on this form. */
  answer?: SurveyAnswer;
  onStale: () => void;
}

type Values = { answers: Record<string, string | number | boolean | null | undefined> };

/** This year's survey, rendered from the form's current version: a card per section. */
export function SurveyAnswerForm({ householdId, form: survey, year, answer, onStale }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const put = usePutSurvey();
  const showError = useApiError();

  const submit = async () => {
    const v = await form.validateFields();
    const answers: Record<string, string | number | boolean | null> = {};
    for (const s of survey.sections) for (const i of s.items) answers[i.key] = v.answers?.[i.key] ?? null;
    put.mutate(
      { householdId, formId: survey.id, year, answers, ...(answer ? { version: answer.version } : {}) },
      { onSuccess: () => void message.success(t('surveys.saved', { year })), onError: (e) => showError(e, { form, onStale }) },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ answers: answer?.answers ?? {} }} autoComplete="off">
      {survey.sections.map((s) => (
        <Card key={s.key} size="small" title={s.title} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            {s.items.map((item) => (
              <Col key={item.key} xs={24} md={12} xl={8}>
                <Form.Item
                  name={['answers', item.key]}
                  label={item.label}
                  rules={item.required ? [{ required: true, message: t('common.required', { field: item.label }) }] : undefined}
                >
                  <SurveyItemInput item={item} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
      ))}
      <Button type="primary" loading={put.isPending} onClick={() => void submit().catch(() => {})}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
