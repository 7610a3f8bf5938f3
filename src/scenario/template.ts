// The starting point `cashout new` writes: a complete, valid scenario whose comments
// explain every section. A test loads it with the real loader, so it always passes
// `cashout check`. Numbers marked `confidence: assumption` are placeholders to replace.

export function scenarioTemplate(id: string, title = 'My course scenario'): string {
  return `# yaml-language-server: $schema=./scenario.schema.json
# A Cashout scenario. Full reference: docs/scenario-format.md. Check it with:
#   npx cashout check ${id}.yaml
# Play it headless:  npx cashout sim --scenario ${id}.yaml --seed 1
# Balance it:        npx cashout batch --scenario ${id}.yaml --runs 1000
format: cashout-scenario/2
id: ${id}
title: ${JSON.stringify(title)}
summary: One or two sentences for the scenario picker.

# Narrative shown to players before turn 1 (and guidance in every phase, if given).
briefing:
  situation: >-
    Describe the situation the students face: who steals, what is at stake, which
    governments they represent. Cite numbers only if they appear under sources below.
  objectives: Keep cash reaching the regime low without harming legitimate users.
  guidance: >-
    Optional hints for a first game, e.g. "Try sanctioning mixers in turn 1 and watch
    where the money goes in the report".

# Turns are months from start. launchCalendar multiplies the expected tests in given
# months (exercises, anniversaries); doctrine periods scale each missile type's tests
# (a moratorium is 0, a surge 2). Use sources for documented dates.
calendar:
  start: 2024-01
  turns: 8
  launchCalendar:
    - { name: Spring exercises, month: 3, multiplier: 1.5 }
    - { name: Day of the Sun (15 April), month: 4, multiplier: 1.5 }
  doctrine:
    - { name: No long-range tests, from: 2024-01, to: 2024-06, tempo: { icbm: 0 } }

# Figures with a range { low, high } are drawn from it once per run (the seed decides,
# the same for every policy). Set parameters: point to play every figure at its value.
uncertainty:
  parameters: drawn

# Money inside the game is US dollars; players can switch the display to yen.
currency:
  display: JPY
  usdJpy:
    value: 150
    confidence: assumption
    note: Round rate; replace it with a sourced annual average for your period.

# Every real-world figure names one of these keys in its source field.
sources:
  kida-2022:
    publisher: Chosun Ilbo (KIDA estimate)
    title: Cost of North Korean missile launches
    date: 2022-06-09

# Players. Each role sets only its own levers and has a budget of points per turn.
roles:
  - id: sanctions
    name: Sanctions authority
    description: Designates mixers, brokers and facilitators; coordinates freezes.
    budgetPerTurn: 10
  - id: defence
    name: Cyber-defence agency
    description: Sets defensive postures for the sectors the adversary targets.
    budgetPerTurn: 8

# How the adversary gets in. Postures close these doors method by method.
methods:
  - { id: phishing, name: Fake job offers and spear-phishing, description: Trojanised documents sent to key holders. }
  - { id: key-theft, name: Validator and multisig key theft, description: Stealing enough of the keys that guard a vault. }

# Where the adversary steals. exposure gives, per method, the chance one team's
# operation succeeds in a month with no defence; heist sizes are heavy-tailed between
# median and max. A sector with yields: technology (espionage) makes missiles cheaper
# instead of yielding cash.
sectors:
  - id: exchanges
    name: Exchanges
    description: Centralised exchanges with hot wallets.
    location: { lon: 126.98, lat: 37.57, label: Seoul }
    attractiveness: 3
    exposure: { phishing: 0.08, key-theft: 0.05 }
    stablecoinShare: 0.3
    heist:
      median: { value: 30000000, currency: USD, confidence: assumption }
      tailIndex: 1.4
      max: { value: 600000000, currency: USD, confidence: assumption }
  - id: bridges
    name: Cross-chain bridges
    description: Bridges guarded by a few validator keys.
    location: { lon: 103.82, lat: 1.35, label: Singapore }
    attractiveness: 2
    exposure: { key-theft: 0.06, phishing: 0.04 }
    heist:
      median: { value: 60000000, currency: USD, confidence: assumption }
      tailIndex: 1.2
      max: { value: 700000000, currency: USD, confidence: assumption }

# Stolen funds pass the stages in order. In each stage launderers fill the channels they
# expect to cost least (fee + expected freeze + delay) up to each channel's monthly
# capacity; what does not fit waits a month. Deter effects cut capacity; freezes and
# haircuts take their part when funds enter a channel.
laundering:
  stages:
    - id: obfuscation
      name: Obfuscation
      channels:
        - id: mixers
          name: Mixers
          description: Pooled mixing services.
          delayTurns: 1
          haircut: 0.02
          baseFreeze: 0.01
          capacity: { value: 100000000, low: 60000000, high: 150000000, currency: USD, confidence: assumption, note: Placeholder. }
        - { id: chain-hop, name: Chain-hopping, description: Swaps across chains over bridges., delayTurns: 1, haircut: 0.04, baseFreeze: 0.01 }
    - id: cash-out
      name: Cash-out
      channels:
        - id: otc
          name: OTC brokers
          description: Brokers who pay fiat for crypto.
          delayTurns: 1
          haircut: 0.1
          baseFreeze: 0.02
          capacity: { value: 60000000, currency: USD, confidence: assumption, note: Placeholder. }

# What players can do. Effects: defense (sector and method, each may be "all": builds a
# defence stock over months), freeze / deter (channel, or "all" for freeze), degrade
# (pressure on the adversary's capability), income (pressure on an income stream),
# issuerFreeze (stablecoins frozen at the theft), coalition (multiplies freeze and
# deter). Costs are budget points per level per turn; side effects accumulate each turn.
levers:
  - id: mixer-sanctions
    name: Sanction mixers
    description: Designate mixing services so that exchanges refuse their outputs.
    kind: sanction
    role: sanctions
    maxLevel: 3
    costPerLevel: 3
    sideEffects: { collateral: 1, escalation: 0.5 }
    effects:
      - { type: deter, channel: mixers, perLevel: 0.25 }
      - { type: freeze, channel: mixers, perLevel: 0.05 }
  - id: otc-designations
    name: Designate OTC brokers
    description: Sanction the brokers who turn crypto into cash.
    kind: sanction
    role: sanctions
    maxLevel: 2
    costPerLevel: 2
    effects:
      - { type: freeze, channel: otc, perLevel: 0.05 }
      - { type: deter, channel: otc, perLevel: 0.2 }
  - id: validator-keys
    name: Decentralise bridge validators
    description: More validators and hardware keys make bridge keys harder to steal.
    kind: posture
    role: defence
    maxLevel: 3
    costPerLevel: 2
    effects:
      - { type: defense, sector: bridges, method: key-theft, perLevel: 0.5 }
  - id: exchange-mfa
    name: Phishing-resistant keys
    description: Hardware keys and training for everyone who holds keys.
    kind: posture
    role: defence
    maxLevel: 2
    costPerLevel: 2
    effects:
      - { type: defense, sector: all, method: phishing, perLevel: 0.4 }

# The adversary: teams run operations each turn on (sector, method) pairs and learn
# which pay off.
adversary:
  teams: 6
  capability: 1
  capabilityGrowth: 0.01
  learningRate: 0.3

# The missile programme's money: a share of the crypto cash and of other income.
regime:
  cryptoToMissiles: { value: 0.25, low: 0.15, high: 0.35, confidence: assumption, note: Placeholder share. }
  income:
    - id: it-workers
      name: IT workers abroad
      description: Wages of developers working under false identities.
      perYear: { value: 500000000, currency: USD, confidence: assumption, note: Replace with a sourced figure. }
      toMissiles: { value: 0.2, confidence: assumption, note: Placeholder share. }

# Missiles bought at documented unit costs (give the range), no faster than production,
# and tested per doctrine while the stock lasts.
missiles:
  - id: srbm
    name: Short-range ballistic missile
    cost: { value: 4000000, low: 3000000, high: 5000000, currency: USD, source: kida-2022, confidence: estimate }
    productionPerMonth: { value: 4, confidence: assumption, note: Placeholder. }
    testsPerMonth: { value: 2, confidence: assumption, note: Placeholder. }
    reserve: 2
    preference: 3
    initialStock: 6
  - id: icbm
    name: Intercontinental ballistic missile
    cost: { value: 25000000, low: 20000000, high: 30000000, currency: USD, source: kida-2022, confidence: estimate }
    productionPerMonth: { value: 0.5, confidence: assumption, note: Placeholder. }
    testsPerMonth: { value: 0.3, confidence: assumption, note: Placeholder. }
    preference: 1

# Injects: scripted (a fixed turn, or a month: month: 2024-03), random (a chance per
# turn), conditional (when a total crosses a threshold, when an earlier event succeeded or
# was blocked, or when a lever reaches a level). Effects: heist, vulnerability, capability,
# launch, priceShock, escalation, seizure.
events:
  scripted:
    - id: validator-phish
      month: 2024-03
      title: A bridge's validator keys are phished
      text: An engineer opens a trojanised job offer; the attackers reach the validator keys.
      effects:
        - { type: heist, sector: bridges, method: key-theft, amount: { value: 300000000, currency: USD, confidence: assumption } }
  random:
    - id: market-crash
      title: Crypto prices crash
      text: Prices fall while stolen funds wait to be laundered.
      probability: 0.1
      effects:
        - { type: priceShock, factor: 0.7 }
  conditional:
    - id: nuclear-test
      title: Nuclear test
      text: Flush with cash, the regime conducts a nuclear test.
      when: { metric: cashedOutUsd, op: ">=", value: 400000000, toTurn: 6 }
      effects:
        - { type: escalation, add: 20 }

# How the game is judged at the end.
objectives:
  - id: limit-cash
    text: Keep cash reaching the regime at or below $300 M.
    metric: cashedOutUsd
    op: "<="
    target: 300000000
  - id: low-harm
    text: Keep collateral harm at or below 12 points.
    metric: collateral
    op: "<="
    target: 12

# Named policies for sim, batch and counterfactuals. "none" is required; add one that
# approximates what governments actually did and name it historical.
policies:
  none:
    description: No new measures.
  historical:
    description: Replace with what governments did, turn by turn.
    turns:
      "1": { mixer-sanctions: 1 }
      "4": { mixer-sanctions: 2, validator-keys: 2, exchange-mfa: 1 }

# For the instructor (the game ignores this section): learning objectives judged on each
# run in \`cashout report\` (strengths and areas for improvement, with evidence), a
# briefing per role, facilitator notes per turn (shown in the facilitator panel) and
# debrief questions.
assessment:
  learningObjectives:
    - id: substitution
      text: Explain why sanctioning one laundering channel pushes the money to others.
      evidence:
        - lever: mixer-sanctions
          op: ">="
          level: 1
          byTurn: 2
          strength: Mixers were sanctioned early; the flows show where the money went instead.
          improvement: Mixers were never sanctioned early, so the run cannot show substitution.
        - objective: limit-cash
          strength: The cash reaching the regime stayed within the target.
          improvement: Too much cash reached the regime; find the stage where it got through.
    - id: defend-early
      text: Judge when a defence must be in place to stop a planned heist.
      evidence:
        - event: validator-phish
          outcome: blocked
          strength: The validator heist was blocked by defences built up before it.
          improvement: The validator heist got through; defences set after it came too late.
  roles:
    - role: sanctions
      briefing: You act on the money after it is stolen; every sanction also touches legitimate users.
      objectives: [Keep the cash reaching the regime at or below $300 M.]
    - role: defence
      briefing: You act before the theft; the attackers go where you are weakest.
      objectives: [Block the bridge heist in March.]
  turns:
    - month: 2024-03
      notes: The validator heist comes this month; only defences built up in earlier months can block it.
      questions: [Could a sanction have stopped this theft? What could have?]
  debrief:
    - Where did the money you did not stop go, and which measure would have caught it?
    - Which decision came too late?
`;
}
