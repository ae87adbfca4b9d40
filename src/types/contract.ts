import type { Outcome } from '../model/outcome.ts';

/** Wire protocols the engine knows. Each has exactly one implementation in `src/protocols/`. */
export type ProtocolName = 'soap11' | 'json' | 'xml';

/** Scalar and structural types a contract field can have. */
export type FieldType = 'string' | 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'base64' | 'object';

/** Date and date-time formats a field can declare; the builder formats canonical ISO values into them. */
export type DateFormat = 'yyyy-mm-dd' | 'dd/mm/yyyy' | 'mm/dd/yyyy' | 'iso' | 'iso-local';

/** Named value transforms applied by the mapping after the type's own formatting. */
export type TransformName = 'upper' | 'lower' | 'trim';

/** One field of a request, a response or a SOAP header, spelled exactly as the vendor spells it. */
export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  /** @default false */
  readonly required?: boolean;
  /** Repeats: an XML element that may occur many times, or a JSON array. @default false */
  readonly repeated?: boolean;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  /** For `date`/`datetime` fields. @default 'yyyy-mm-dd' for date, 'iso' for datetime */
  readonly format?: DateFormat | 'email';
  /** May be sent empty / xsi:nil. @default false */
  readonly nillable?: boolean;
  /** Canonical-model path this field is filled from; relative to the enclosing repeated field's item. */
  readonly from?: string;
  /** A constant value to send. */
  readonly value?: string | number | boolean;
  /** Value used when `from` resolves to nothing. */
  readonly default?: string | number | boolean;
  /** Name of a declared credential whose value goes here. */
  readonly credential?: string;
  readonly transform?: readonly TransformName[];
  /** XML namespace URI of this element; `""` for unqualified. @default the parent's namespace */
  readonly namespace?: string;
  /** Constant XML attributes written on this element (e.g. InvoiceXpress `type="array"`). */
  readonly attributes?: Readonly<Record<string, string>>;
  readonly fields?: readonly FieldSpec[];
  /** Vendor version that introduced the field (e.g. `R11.0.0`). */
  readonly since?: string;
  /** An object that may carry undocumented children; they are neither reported nor validated. @default false */
  readonly open?: boolean;
  /** XML object fields: whether the children follow the declared order (xs:sequence). @default the request's `ordered` */
  readonly ordered?: boolean;
  /**
   * Not in the vendor's parameter list, but shown accepted (why, e.g. "the doc's own example sends it and is
   * answered OK"): a request carrying it gets a warning, a failure with --strict.
   */
  readonly accepted?: string;
  /** A response value that is itself a credential (a token the vendor issues): never recorded or reported. @default false */
  readonly secret?: boolean;
  readonly description?: string;
  /** Citation of the vendor prose this field encodes. */
  readonly doc?: string;
}

/** A URL path or query parameter. */
export interface ParamSpec {
  readonly name: string;
  /** @default false */
  readonly required?: boolean;
  readonly from?: string;
  readonly value?: string;
  readonly credential?: string;
  readonly description?: string;
}

/** How the operation travels over HTTP. */
export interface TransportSpec {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template; `{name}` placeholders are filled from `pathParams`. */
  readonly path: string;
  readonly pathParams?: readonly ParamSpec[];
  readonly query?: readonly ParamSpec[];
  readonly contentType: string;
  /**
   * SOAP: the service dispatches on SOAPAction (WCF, ASMX), so a missing one is refused; false when
   * it reads the body element (PHP SoapServer), so a missing one is only a warning. @default true
   */
  readonly soapActionRouting?: boolean;
  /** Other request media types the vendor's stack reads as `contentType` (warnings, failures with --strict). */
  readonly acceptedContentTypes?: readonly string[];
  /** The exact SOAPAction header value, quotes included (SOAP 1.1 only). */
  readonly soapAction?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Base URL the `replay` target serves recordings under. Never resolvable (`.invalid`). */
  readonly replayBaseUrl: string;
  /** Environment variable holding the live base URL. */
  readonly baseUrlEnv: string;
}

/** A credential the operation needs. */
export interface CredentialSpec {
  readonly env: string;
  /** Secret values are never written to a recording, report, log or error message. */
  readonly secret: boolean;
  /** Placeholder used by offline replay; the recordings hold the redaction marker instead. */
  readonly example: string;
  /** Public test value the simulators accept. @default `sim-<credential name>` */
  readonly simulator?: string;
  readonly description?: string;
}

/** One condition on a response. Paths are dotted paths into the decoded body data. */
export interface WhenSpec {
  readonly path: string;
  readonly equals?: string | number | boolean | null;
  readonly in?: readonly (string | number | boolean)[];
  readonly matches?: string;
  readonly present?: boolean;
}

/** How a documented response is recognised. */
export interface ResponseMatchSpec {
  readonly status?: number | readonly number[];
  /** What the body is. @default 'xml' for soap11/xml, 'json' for json */
  readonly body?: 'xml' | 'json' | 'empty' | 'any';
  /** SOAP: the Body's child element; XML: the root element. */
  readonly element?: string;
  /** Namespace of `element`; `""` for unqualified. @default the contract's target namespace */
  readonly namespace?: string;
  /** Matches a SOAP 1.1 Fault. @default false */
  readonly fault?: boolean;
  readonly when?: readonly WhenSpec[];
}

/** A documented response, success or error. */
export interface ResponseSpec {
  readonly name: string;
  readonly description?: string;
  readonly doc?: string;
  readonly match: ResponseMatchSpec;
  readonly outcome: Outcome;
  /** Path of the vendor's own code in the decoded data. */
  readonly code?: string;
  /** Path of the vendor's own message in the decoded data. */
  readonly message?: string;
  /** Structure of the body element's content, validated with ajv. */
  readonly fields?: readonly FieldSpec[];
  /**
   * Dotted data paths whose values change on every call (generated ids, lock tokens, server
   * dates): `conformance audit` compares them by lexical class only.
   */
  readonly volatile?: readonly string[];
}

/** What a case expects. */
export interface ExpectSpec {
  readonly outcome: Outcome;
  readonly vendorCode?: string;
  readonly message?: string;
  /** Contract rules the case's request breaks on purpose; request checks expect exactly these. */
  readonly rules?: readonly string[];
}

/** A named case: canonical input, expected outcome and the recording it replays. */
export interface CaseSpec {
  readonly name: string;
  readonly description?: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly expect: ExpectSpec;
  /** Recording path relative to `recordings/`. @default `<vendor>/<operation>/<case>.har` */
  readonly recording?: string;
}

/** A place where a vendor doc contradicts itself or the vendor's real behaviour. */
export interface FindingSpec {
  readonly id: string;
  readonly title: string;
  readonly location: string;
  readonly evidence: string;
}

/** A rule beyond single-field constraints, as a JSONata assertion over the decoded message. */
export interface RuleSpec {
  readonly id: string;
  readonly description: string;
  readonly doc?: string;
  /** @default 'request' */
  readonly on?: 'request' | 'response';
  /** JSONata path; the assertion is evaluated against each value it yields. */
  readonly scope?: string;
  readonly assert: string;
  readonly show?: readonly string[];
  /** @default 'error' */
  readonly severity?: 'error' | 'warning';
  /**
   * Why the vendor's stack accepts a message that breaks the rule (e.g. the doc's own example breaks
   * it and is answered OK): the rule is then a warning, a failure with --strict.
   */
  readonly accepted?: string;
  /** The documented response the vendor answers when the rule is broken. */
  readonly response?: string;
  /** For `on: response`: the documented responses the rule applies to (default: all). */
  readonly responses?: readonly string[];
}

/** Kinds of documented behaviour the simulators enforce and checks examine. */
export type BehaviourKind =
  | 'upsert'
  | 'partial-update'
  | 'omit-clears'
  | 'items-replace-all'
  | 'item-set-actions'
  | 'notes-accumulate'
  | 'client-auto-create'
  | 'state-guard'
  | 'optimistic-lock'
  | 'rate-limit';

/** A documented behaviour of the operation. */
export interface BehaviourSpec {
  readonly id: string;
  readonly kind: BehaviourKind;
  readonly description: string;
  readonly doc?: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * One proof of accepted credentials: a documented response the vendor answers only after it
 * accepted them, with the vendor code or message where the response alone is not enough.
 */
export interface ProbeProofSpec {
  /** A documented response, by name. */
  readonly response: string;
  /** The vendor code the answer must carry, exactly. */
  readonly code?: string;
  /** The vendor message the answer must carry, exactly. */
  readonly message?: string;
}

/** The safe credential probe: a case whose request changes nothing on the vendor's side. */
export interface ProbeSpec {
  readonly case: string;
  /**
   * What proves the credentials accepted: documented responses (never outcome classes: a
   * not-found can also be a wrong account, host or path).
   */
  readonly valid: readonly ProbeProofSpec[];
  /** The proof in words; an `inconclusive` verdict names it as what would have proved acceptance. */
  readonly proof: string;
  /**
   * Documented responses (by name) that prove the credentials were refused, besides every
   * `auth_failed` response; for vendors that document no auth failure. @default []
   */
  readonly rejected?: readonly string[];
  readonly why: string;
}

/** A whole contract: one vendor operation. */
export interface Contract {
  readonly id: string;
  readonly vendor: string;
  readonly operation: string;
  readonly title: string;
  readonly docs: readonly string[];
  /** Vendor version from which the operation exists (e.g. `R9.1.0`). */
  readonly since?: string;
  readonly protocol: ProtocolName;
  readonly transport: TransportSpec;
  /** Target namespace of the request/response elements (soap11/xml). `""` or absent for none. */
  readonly namespace?: string;
  /** Prefix the builder writes for `namespace`; parsing accepts any prefix. @default 'ns1' */
  readonly prefix?: string;
  readonly credentials: Readonly<Record<string, CredentialSpec>>;
  readonly request: {
    /** SOAP operation element or XML root element. */
    readonly element?: string;
    /** SOAP header blocks. */
    readonly header?: readonly FieldSpec[];
    readonly fields: readonly FieldSpec[];
    /**
     * XML: every request element's children follow the declared field order (an xs:sequence; WCF
     * skips an element out of sequence). A field's `ordered` overrides it. @default false
     */
    readonly ordered?: boolean;
  };
  readonly responses: readonly ResponseSpec[];
  readonly cases: readonly CaseSpec[];
  readonly findings?: readonly FindingSpec[];
  readonly rules?: readonly RuleSpec[];
  readonly behaviours?: readonly BehaviourSpec[];
  readonly probe?: ProbeSpec;
}

/** A contract as loaded from disk, with where it came from. */
export interface LoadedContract {
  readonly contract: Contract;
  /** Path of the contract file, relative to the working directory when possible. */
  readonly file: string;
  /** sha256 of the file's bytes; recordings carry it to detect staleness. */
  readonly hash: string;
}
