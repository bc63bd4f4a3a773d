/**
 * The field rules the server holds every write to (server/src/platform/field-rules.ts: plain
 * constants, no imports), imported as they are: the forms, the API and the Excel import share
 * one rule per field, so a form never accepts what the server refuses, nor the import what a
 * form would.
 */
export { fieldRules, phonePattern } from '../../../server/src/platform/field-rules';
