import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveyAnswer } from '../../api/types';
import { answerText } from './SurveyItemInput';

/** A past year's survey, shown with the form version it was answered on (read only). */
export function SurveyAnswerView({ answer }: { answer: SurveyAnswer }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text type="secondary">
        {answer.formName} · {t('surveys.formVersion', { version: answer.formVersion })}
      </Typography.Text>
      {answer.sections.map((s) => (
        <Descriptions
          key={s.key}
          title={s.title}
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          style={{ marginTop: 16 }}
          items={s.items.map((item) => ({ key: item.key, label: item.label, children: answerText(item, answer.answers[item.key], t) }))}
        />
      ))}
    </>
  );
}
