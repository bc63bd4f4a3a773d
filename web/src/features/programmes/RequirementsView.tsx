import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDefinition } from '../../api/programmes';
import { useCatalogNames } from '../households/useCatalogNames';
import { requirementSections } from './requirementText';

/** A programme's requirements and rules in plain words, section by section. */
export function RequirementsView({
  definition,
}: {
  definition: Pick<ProgrammeDefinition, 'requirements' | 'pairingRules' | 'coverage' | 'capacities'>;
}) {
  const { t, i18n } = useTranslation();
  const { name } = useCatalogNames();
  const sections = requirementSections(definition, t, name, i18n.language === 'en');
  if (sections.length === 0) return <Typography.Text type="secondary">{t('programmes.noRequirements')}</Typography.Text>;
  return (
    <div data-testid="requirements">
      {sections.map((s) => (
        <section key={s.key} style={{ marginBottom: 12 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t(`programmes.req.${s.key}`)}
          </Typography.Title>
          <ul style={{ paddingInlineStart: 20, margin: 0 }}>
            {s.lines.map((l) => (
              <li key={l}>
                <Typography.Text>{l}</Typography.Text>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
