// A JSON Schema (draft-07) equivalent to an operation's request model, for the ajv comparison.
const DATETIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,12})?)?(Z|[+-]\\d{2}:\\d{2})$';

function valueSchema(model, prop) {
  let schema;
  if (prop.kind === 'enum') schema = { type: 'string', enum: model.enums[prop.type].members };
  else if (prop.kind === 'complex' || prop.kind === 'entity') schema = { $ref: `#/definitions/${prop.type}` };
  else {
    switch (prop.type) {
      case 'Edm.Int32': schema = { type: 'integer', minimum: -2147483648, maximum: 2147483647 }; break;
      case 'Edm.Int64': schema = { type: 'integer' }; break;
      case 'Edm.Double': schema = { type: 'number' }; break;
      case 'Edm.Boolean': schema = { type: 'boolean' }; break;
      case 'Edm.DateTimeOffset': schema = { type: 'string', pattern: DATETIME }; break;
      default: schema = { type: 'string' };
    }
    if (prop.maxLength) schema.maxLength = prop.maxLength;
  }
  if (prop.collection) return { type: 'array', items: schema };
  return prop.nullable ? { anyOf: [schema, { type: 'null' }] } : schema;
}

function typeSchema(model, type, sendable) {
  const properties = { '@odata.type': { type: 'string', pattern: '^#?[A-Za-z0-9.]+$' } };
  const required = [];
  for (const prop of type.properties) {
    if (sendable && prop.send === 'no') continue;
    properties[prop.name] = valueSchema(model, prop);
    if (type.kind === 'complex' && !prop.nullable && !prop.collection) required.push(prop.name);
  }
  return { type: 'object', properties, required, additionalProperties: !!type.open };
}

export function requestSchema(model) {
  const definitions = {};
  for (const [name, type] of Object.entries(model.types)) definitions[name] = typeSchema(model, type, false);
  const root = typeSchema(model, model.types[model.bodyType], true);
  root.required = [...model.required];
  return { definitions, ...root };
}
