// Types of build/site/gpb.js, the Graph Payload Builder facade.

export type Severity = 'error' | 'warning' | 'info';

/** Every diagnostic code (the README's tables say when each is raised). */
export type DiagnosticCode =
  | 'json-syntax' | 'duplicate-key' | 'body-not-object' | 'type-mismatch' | 'unknown-property' | 'enum-value'
  | 'datetime-format' | 'int-range' | 'value-format' | 'range' | 'string-length' | 'null-not-allowed'
  | 'missing-required' | 'read-only' | 'not-updatable' | 'server-assigned' | 'navigation-inline'
  | 'odata-type-missing' | 'odata-type-unknown' | 'odata-type-mismatch' | 'odata-type-format' | 'sentinel-value'
  | 'empty-body' | 'value-envelope' | 'limit'
  | 'malformed-url' | 'unchecked-example' | 'status-mismatch' | 'example-layout' | 'permissions-mismatch'
  | 'property-table-mismatch' | 'content-length' | 'undocumented-operation';

/** What a failed call raises as GpbError.code; `internal` comes from the JS side. */
export type ApiErrorCode =
  | 'unknown-operation' | 'unknown-model' | 'unresolved' | 'bad-parameters' | 'bad-pack' | 'bad-metadata'
  | 'bad-permissions' | 'not-a-request' | 'internal';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  /** RFC 6901 JSON Pointer; "" is the root. */
  pointer: string;
  /** 1-based; columns count UTF-16 code units; the end is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Replacement text for the range, when a fix is obvious. */
  suggestion?: string;
}

export interface ValidationResult {
  operation: string;
  direction: 'request' | 'response';
  valid: boolean;
  diagnostics: Diagnostic[];
}

export interface OperationSummary {
  id: string;
  resource: string;
  title: string;
  description: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  version: string;
}

export interface PropertyModel {
  name: string;
  type: string;
  kind: 'primitive' | 'enum' | 'complex' | 'entity';
  collection: boolean;
  nullable: boolean;
  readOnly: boolean;
  serverAssigned: boolean;
  navigation: boolean;
  /** Part of the entity's key (the service assigns it on create). */
  key: boolean;
  range?: [number, number];
  maxLength?: number;
  description: string;
  /** Whether a client sends it in this operation's body. */
  send: 'yes' | 'warning' | 'no';
  reason?: string;
}

export interface TypeModel {
  name: string;
  shortName: string;
  kind: 'entity' | 'complex';
  abstract: boolean;
  open: boolean;
  partial: boolean;
  base: string | null;
  derived: string[];
  description: string;
  properties: PropertyModel[];
}

export interface OperationModel extends OperationSummary {
  /** The operation in any model, for the other calls without `version`: "v1.0 PATCH /users/{userId}". */
  target: string;
  pathParameters: string[];
  bodyType: string | null;
  addressType: string | null;
  /** The @odata.type a body must carry, or null when none is needed. */
  odataType: string | null;
  required: string[];
  updatable: string[] | null;
  minimal: string[];
  headers: { name: string; value: string; required: boolean }[];
  response: { status: number; reason: string; type: string | null };
  /** Where the operation's URLs start: https://graph.microsoft.com/VERSION, or a loaded service's root. */
  serviceRoot: string;
  permissions: Permissions;
  nationalClouds: string[];
  caveats: string[];
  /** The types a body can hold (not the targets of navigation properties). */
  types: Record<string, TypeModel>;
  enums: Record<string, { name: string; shortName: string; flags: boolean; members: string[] }>;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  raw: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: string;
  raw: string;
}

export interface ParsedRequest {
  method: string;
  url: string;
  version: string;
  path: string;
  operation: string | null;
  parameters: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  /** A real-looking bearer token was replaced by the {token} placeholder. */
  tokenRedacted: boolean;
}

export interface LintedExample {
  kind: 'request' | 'response';
  /** The line of the request line or the status line in the page. */
  line: number;
  method: string | null;
  url: string;
  path: string | null;
  status: number | null;
  operation: string | null;
  type: string | null;
  modelSource: 'catalog' | 'page' | null;
  /** Lines and columns are the page's own. */
  diagnostics: Diagnostic[];
  body: string;
}

export interface LintedPage {
  path: string;
  diagnostics: Diagnostic[];
  examples: LintedExample[];
}

export class GpbError extends Error {
  code: ApiErrorCode;
}

/** Least privileged first. `note` says when the permissions reference does not list the operation. */
export interface Permissions {
  source: 'overlay' | 'reference' | null;
  delegatedWork: string[];
  delegatedPersonal: string[];
  application: string[];
  note?: string;
}

/** What METHOD + URL resolved to in a model. */
export interface Resolution extends OperationSummary {
  /** The model: "beta", "v1.0", or a name loadMetadata returned. */
  model: string;
  kind: 'create' | 'read' | 'list' | 'update' | 'replace' | 'delete' | 'action' | 'function' | 'reference' | 'media' | 'count' | 'property';
  /** Pass as `id` to the other calls (with the same `version`). */
  target: string;
  request: { kind: 'entity' | 'parameters' | 'reference' | 'binary' | 'none'; type: string | null; required: string[]; odataType: string | null };
  response: { status: number; statuses: number[]; reason: string; shape: 'entity' | 'collection' | 'value' | 'none' | 'binary' | 'count'; type: string | null };
  /** Key placeholders and the values the URL gave them ("" for a placeholder left as such). */
  parameters: Record<string, string>;
  permissions: Permissions;
  /** What the metadata restricts on the address (Capabilities restrictions), and the overlay's caveats. */
  caveats: string[];
}

/** A model other than Graph beta: "v1.0", or a name loadMetadata returned. */
export interface InModel {
  version?: string;
}

/** One thing that may be written at the cursor. Accepting it replaces [from, to) with `insert`. */
export interface CompletionItem {
  label: string;
  insert: string;
  /** Where the cursor goes, in UTF-16 units into `insert`. */
  cursor: number;
  detail: string;
  info: string;
  kind: 'property' | 'enum' | 'type' | 'value';
  /** 0 required, 1 settable, 2 set by the service. */
  section: 0 | 1 | 2;
}

export interface Completions {
  from: number;
  to: number;
  items: CompletionItem[];
}

/** What is at a cursor; `from` is null when nothing is. Offsets count UTF-16 units. */
export interface Hover {
  from: number | null;
  to?: number;
  title?: string;
  type?: string;
  description?: string;
  nullable?: boolean;
  readOnly?: boolean;
  computed?: boolean;
  collection?: boolean;
  flags?: boolean;
  members?: string[];
  diagnostics?: { severity: Severity; code: DiagnosticCode; message: string; from: number; to: number; suggestion?: string }[];
}

/**
 * A body kept in the core's memory between checks (gpb.openBody()). An editor sends each edit with
 * replace(); a check then reads the text already there instead of receiving all of it again.
 * Offsets count UTF-16 units.
 */
export interface HeldBody {
  /** The text's length in UTF-16 units. */
  readonly length: number;
  setText(text: string): void;
  /**
   * Replaces [from, to) with `text`. False, with the body unchanged, when the edit cannot be applied
   * where the body is (a range outside it, or one that splits or joins a surrogate pair): give the
   * whole text to setText() then.
   */
  replace(from: number, to: number, text: string): boolean;
  validate(id: string, options?: InModel & { response?: boolean }): ValidationResult;
  complete(id: string, offset: number, options?: InModel & { response?: boolean }): Completions;
  hover(id: string, offset: number, options?: InModel & { response?: boolean }): Hover;
  /** Frees the body's memory; a check after it throws GpbError "internal". */
  close(): void;
}

export interface Gpb {
  /** The curated operations of a model, or (with `search`) operations found by path, type or action name. */
  operations(options?: InModel & { search?: string }): OperationSummary[];
  /** `id`: a curated id, or "METHOD path" as resolve() and operations() give it. */
  describe(id: string, options?: InModel): OperationModel;
  validate(id: string, text: string, options?: InModel & { response?: boolean }): ValidationResult;
  /** A body held in the core between checks, for an editor that checks on every keystroke. */
  openBody(): HeldBody;
  /** Completion at `offset` (UTF-16) in a body that may not parse. */
  complete(id: string, text: string, offset: number, options?: InModel & { response?: boolean }): Completions;
  /** The member or value at `offset`: its type, facts, description and findings. */
  hover(id: string, text: string, offset: number, options?: InModel & { response?: boolean }): Hover;
  example(id: string, options?: InModel & { full?: boolean }): string;
  request(id: string, text: string, params?: Record<string, string>, options?: InModel): HttpRequest;
  response(id: string, text: string, options?: InModel): HttpResponse;
  parseRequest(text: string): ParsedRequest;
  lintPage(text: string, options?: { path?: string }): LintedPage;
  /** Throws GpbError with code "unresolved" (and the segment at fault in its message) when the URL addresses nothing. */
  resolve(method: string, url: string, options?: InModel): Resolution;
  /**
   * Reads a service's CSDL JSON ($metadata; CSDL XML is turned into JSON first, see csdlXmlToJson);
   * returns the model's name, to pass as `version`. `serviceRoot` (https://host/path) heads the
   * service's URLs in previews and is stripped from pasted URLs. Throws GpbError "bad-metadata".
   */
  loadMetadata(text: string, options?: { name?: string; serviceRoot?: string }): string;
  /**
   * A Graph version's whole model pack (the site's models/VERSION.gpbm): its text, or its bytes as
   * fetched (UTF-8; handed over without decoding, about twice as fast). Throws GpbError "bad-pack".
   */
  loadPack(version: 'beta' | 'v1.0', file: string | Uint8Array | ArrayBuffer): { model: string; types: number; complete: boolean };
  /** Graph's permissions reference (the site's models/permissions.json): its text or its bytes. */
  loadPermissions(file: string | Uint8Array | ArrayBuffer): { loaded: true };
  /** Diagnostics only: the byte size of the module's memory now. It grows when an input needs more and never shrinks. */
  heapBytes(): number;
  /**
   * Puts the rest of the core (gpb-core.deferred.wasm) in place; resolves at once when it is. Only
   * needed after loadGpb({ restLater: true }): a call that needs the rest sooner fetches it itself,
   * in one synchronous request.
   */
  loadRest(): Promise<void>;
}

export interface LoadOptions {
  /** The bytes of gpb-core.wasm (in Node; a browser fetches it beside gpb.js). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** The bytes of gpb-core.deferred.wasm (in Node; a browser fetches it beside gpb.js). */
  deferredWasmBinary?: ArrayBuffer | Uint8Array;
  /** Resolve once gpb-core.wasm runs, before the rest is fetched (as the page does for its first diagnostics). */
  restLater?: boolean;
}

export function loadGpb(options?: LoadOptions): Promise<Gpb>;
