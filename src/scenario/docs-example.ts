// The complete small scenario shown in docs/scenario-format.md. A test loads it with the
// real loader, so the documentation can never show an example that fails `cashout check`.
export const EXAMPLE_SCENARIO_YAML = `# yaml-language-server: $schema=./scenario.schema.json
format: cashout-scenario/1
id: bridge-season
title: Bridge season
summary: Six months in which a state-backed group robs exchanges and cross-chain bridges.
briefing:
  situation: >-
    A state-backed hacking group is stealing cryptocurrency to fund missiles.
    You control sanctions and cyber-defence for a coalition of governments.
calendar:
  start: 2022-01
  turns: 6
  launchCalendar:
    - name: Spring drills
      month: 3
      multiplier: 2
currency:
  display: JPY
  usdJpy: { value: 150, confidence: assumption, note: Round rate for play. }
sources:
  fbi-bybit:
    publisher: FBI
    title: North Korea Responsible for $1.5 Billion Bybit Hack
    date: 2025-02-26
roles:
  - id: treasury
    name: Sanctions authority
    description: Designates mixers, brokers and facilitators.
    budgetPerTurn: 10
  - id: cyber
    name: Cyber-defence agency
    description: Hardens the sectors the group attacks.
    budgetPerTurn: 6
sectors:
  - id: exchanges
    name: Exchanges
    description: Hot wallets of centralised exchanges.
    location: { lon: 127, lat: 37.5, label: Seoul }
    attractiveness: 3
    baseSuccess: 0.4
    heist:
      median: { value: 20000000, currency: USD, confidence: assumption }
      tailIndex: 1.3
      max: { value: 1500000000, currency: USD, source: fbi-bybit, confidence: documented }
  - id: bridges
    name: Cross-chain bridges
    description: Validator keys guarding bridge contracts.
    location: { lon: -122.4, lat: 37.8, label: San Francisco }
    attractiveness: 2
    baseSuccess: 0.3
    heist:
      median: { value: 50000000, currency: USD, confidence: assumption }
      tailIndex: 1.2
      max: { value: 900000000, currency: USD, confidence: assumption }
laundering:
  stages:
    - id: obfuscate
      name: Obfuscation
      channels:
        - { id: mixers, name: Mixers, description: Pooled mixing services., share: 3, delayTurns: 1, haircut: 0.05, baseFreeze: 0.01 }
        - { id: chainhop, name: Chain-hopping, description: Swaps across bridges., share: 1, delayTurns: 0, haircut: 0.02, baseFreeze: 0 }
    - id: cashout
      name: Cash-out
      channels:
        - { id: otc, name: OTC brokers, description: Brokers paid in stablecoins., share: 1, delayTurns: 1, haircut: 0.1, baseFreeze: 0.02 }
levers:
  - id: mixer-sanctions
    name: Sanction mixers
    description: Designate mixing services so exchanges must block their funds.
    kind: sanction
    role: treasury
    maxLevel: 3
    costPerLevel: 3
    sideEffects: { collateral: 1, escalation: 0.5 }
    effects:
      - { type: deter, channel: mixers, perLevel: 0.25 }
      - { type: freeze, channel: mixers, perLevel: 0.05 }
  - id: freeze-coalition
    name: Freeze coordination
    description: Ask stablecoin issuers and exchanges to freeze flagged funds everywhere.
    kind: sanction
    role: treasury
    maxLevel: 2
    costPerLevel: 2
    effects:
      - { type: freeze, channel: all, perLevel: 0.03 }
      - { type: coalition, perLevel: 0.1 }
  - id: exchange-mfa
    name: Hardware-key MFA at exchanges
    description: Require phishing-resistant keys for hot-wallet operators.
    kind: posture
    role: cyber
    costPerLevel: 1
    effects:
      - { type: defense, sector: exchanges, perLevel: 0.15 }
  - id: validator-spread
    name: Decentralise bridge validators
    description: More independent validators, so one phished key is not enough.
    kind: posture
    role: cyber
    costPerLevel: 2
    effects:
      - { type: defense, sector: bridges, perLevel: 0.2 }
adversary:
  teams: 4
  capabilityGrowth: 0.01
  missileShare: { value: 0.4, confidence: assumption }
  otherMissileFunding: { value: 5000000, currency: USD, confidence: assumption }
missiles:
  - id: srbm
    name: Short-range ballistic missile
    cost: { value: 600000000, currency: JPY, confidence: assumption, note: Illustrative; cite a source before class. }
    launchChance: 0.3
    preference: 3
    initialStock: 2
  - id: icbm
    name: ICBM
    cost: { value: 4200000000, currency: JPY, confidence: assumption }
    launchChance: 0.2
    preference: 1
events:
  scripted:
    - id: validator-phish
      turn: 2
      title: Validator keys phished
      text: A bridge operator opens a fake job offer and loses five validator keys.
      effects:
        - { type: heist, sector: bridges, amount: { value: 300000000, currency: USD, confidence: assumption } }
  random:
    - id: crash
      title: Market crash
      text: Crypto prices fall; funds still being laundered lose value.
      probability: 0.2
      fromTurn: 2
      effects:
        - { type: priceShock, factor: 0.7 }
objectives:
  - id: limit-cash
    text: Keep cash reaching the regime under $300 million.
    metric: cashedOutUsd
    op: <=
    target: 300000000
policies:
  none:
    description: No new measures.
  historical:
    description: Mixer sanctions from turn 2, harder bridges from turn 4.
    turns:
      2: { mixer-sanctions: 2 }
      4: { validator-spread: 3 }
`;
