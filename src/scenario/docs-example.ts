// The complete example shown in docs/scenario-format.md is the template `cashout new`
// writes, so the two cannot drift apart. Tests load it with the real loader, so the
// documentation never shows an example that fails `cashout check`.
import { scenarioTemplate } from './template.ts';

export const EXAMPLE_SCENARIO_YAML = scenarioTemplate('bridge-season', 'Bridge season');
