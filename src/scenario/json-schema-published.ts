// The JSON Schema published for editors (scenarios/scenario.schema.json, `cashout schema`).
// A file with `extends:` writes only what it changes, so it must not be held to the
// complete format: the root describes every field with nothing required, and a file
// without `extends` must in addition be a complete scenario (`else`). Lists of items with
// an id merge by id, so their items may be partial and may say `remove: true`; other lists
// (effects, calendar entries) replace the base's and must be complete.
import { type JsonSchema, scenarioJsonSchema } from './json-schema.ts';

const REMOVE: JsonSchema = {
  const: true,
  description: 'In a file that extends another: drop the base\u2019s item with this id.',
};

const hasId = (s: JsonSchema | undefined) => Boolean(s?.properties && Object.hasOwn(s.properties, 'id'));

/** The same schema with nothing required, except the id that names an item to merge. */
function partial(s: JsonSchema, idItem = false): JsonSchema {
  const out: JsonSchema = { ...s };
  if (s.properties) {
    out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, partial(v)]));
    if (idItem) out.properties.remove = REMOVE;
  }
  if (s.required) {
    if (idItem) out.required = ['id'];
    else delete out.required;
  }
  if (typeof s.additionalProperties === 'object') out.additionalProperties = partial(s.additionalProperties);
  if (s.type === 'array' && s.items && !Array.isArray(s.items) && hasId(s.items)) {
    out.items = partial(s.items, true);
    delete out.minItems; // `objectives: []` replaces; the merged scenario is checked as a whole
  }
  return out;
}

export function publishedScenarioSchema(): JsonSchema {
  const { $schema, $id, title, description, ...body } = scenarioJsonSchema();
  return {
    $schema,
    $id,
    title,
    description: `${description} A file with \`extends\` may leave out anything its base provides.`,
    ...partial(body),
    definitions: { complete: body },
    if: { required: ['extends'] },
    else: { $ref: '#/definitions/complete' },
  };
}
