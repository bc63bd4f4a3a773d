import { auditSource } from '../households/timeline-audit.js';
import { answerIdsOf } from './repository.js';
import { describeSurveyEntry } from './rules.js';

/** The household's surveys on its timeline: each year's answers given or corrected. */
export const surveyTimelineSource = auditSource(async (db, householdId) => [{ entityType: 'survey_answer', ids: await answerIdsOf(db, householdId) }], describeSurveyEntry);
