import { behaviourCheck } from '../behaviour-check.ts';

/** CRM.COM: notes accumulate; the response's notes hold the text just sent. */
export const notesAccumulate = behaviourCheck('notes-accumulate', 'scenarios', 'Notes accumulate: the updated invoice keeps the sent notes');

/** CRM.COM: item set actions are applied; added products appear, removed lines are gone. */
export const itemSetActions = behaviourCheck('item-set-actions', 'scenarios', 'Item set actions are applied: added products appear, removed lines are gone');
