import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';

export const auditEntryOut = z.object({
  id: z.number().int(),
  at: z.date(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  regionCode: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditPage = pageOf(auditEntryOut);

export const auditQuery = z.object({
  ...pageQuery,
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(40).optional(),
  from: z.iso.date().optional().describe('First day, inclusive (Asia/Shanghai)'),
  to: z.iso.date().optional().describe('Last day, inclusive (Asia/Shanghai)'),
});
