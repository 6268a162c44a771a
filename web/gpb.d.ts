// Types of build/site/gpb.js, the Graph Payload Builder facade.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  code: string;
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
  permissions: { delegatedWork: string[]; delegatedPersonal: string[]; application: string[] };
  nationalClouds: string[];
  caveats: string[];
  types: Record<string, TypeModel>;
  enums: Record<string, { name: string; shortName: string; members: string[] }>;
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
  code: string;
}

export interface Gpb {
  operations(): OperationSummary[];
  describe(id: string): OperationModel;
  validate(id: string, text: string, options?: { response?: boolean }): ValidationResult;
  example(id: string, options?: { full?: boolean }): string;
  request(id: string, text: string, params?: Record<string, string>): HttpRequest;
  response(id: string, text: string): HttpResponse;
  parseRequest(text: string): ParsedRequest;
  lintPage(text: string, options?: { path?: string }): LintedPage;
  /** Diagnostics only: the byte size of the module's memory now. It grows when an input needs more and never shrinks. */
  heapBytes(): number;
}

export function loadGpb(options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<Gpb>;
