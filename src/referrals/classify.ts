// The rule classifier lives with the understanding layer (src/nlu/help-rules.ts); referrals use it from here.
export * from '../nlu/help-rules.ts'
