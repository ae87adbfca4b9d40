import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { caseAdded } from './case-added.ts';
import { caseRemoved } from './case-removed.ts';
import { codeAdded } from './code-added.ts';
import { codeChanged } from './code-changed.ts';
import { contractViolation } from './contract-violation.ts';
import { fieldAdded } from './field-added.ts';
import { fieldEmptied } from './field-emptied.ts';
import { fieldMoved } from './field-moved.ts';
import { fieldRemoved } from './field-removed.ts';
import { fieldRenamed } from './field-renamed.ts';
import { fieldUnexpected } from './field-unexpected.ts';
import { formatChanged } from './format-changed.ts';
import { messageChanged } from './message-changed.ts';
import { namespaceChanged } from './namespace-changed.ts';
import { optionalAbsent } from './optional-absent.ts';
import { outcomeChanged } from './outcome-changed.ts';
import { reordered } from './reordered.ts';
import { sequenceBroken } from './sequence-broken.ts';
import { sequenceChanged } from './sequence-changed.ts';
import { statusChanged } from './status-changed.ts';
import { typeChanged } from './type-changed.ts';
import { valueChanged } from './value-changed.ts';
import { whitespaceChanged } from './whitespace-changed.ts';

/** Every drift rule, in report order: the case, the exchange, the body structure, values, order. */
export const DRIFT_RULES: readonly DriftRule[] = [
  caseRemoved,
  caseAdded,
  statusChanged,
  outcomeChanged,
  codeChanged,
  codeAdded,
  messageChanged,
  contractViolation,
  fieldRemoved,
  fieldRenamed,
  fieldMoved,
  namespaceChanged,
  typeChanged,
  formatChanged,
  fieldUnexpected,
  sequenceBroken,
  optionalAbsent,
  fieldEmptied,
  whitespaceChanged,
  fieldAdded,
  valueChanged,
  sequenceChanged,
  reordered,
];
