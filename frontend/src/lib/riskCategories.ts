/** A risk's category (schema: RiskCategory) in words; the plan and the worker's screens share them. */
export const riskCategories = {
  ENGAGEMENT: 'Engagement',
  MOTIVATION: 'Motivation',
  CARER_NOT_ENABLING: 'Carer not enabling',
  PROVIDER_NOT_ENABLING: 'Provider not enabling',
  UNREALISTIC_OUTCOMES: 'Unrealistic outcomes',
  HOME_ENVIRONMENT: 'Home environment',
  EQUIPMENT: 'Equipment',
  BEHAVIOUR: 'Behaviour',
  SPECIALIST_TRAINING: 'Specialist training',
  FALLS: 'Falls',
  NUTRITION: 'Nutrition',
  MEDICATION: 'Medication',
  OTHER: 'Other',
} as const;
