/** The permission matrix's columns and the words its observations' labels use. */
export const MATRIX_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ADD_COMMENTS',
  'ADMINISTER_PROJECTS',
] as const;

export const PERMISSION_WORDS: Record<(typeof MATRIX_PERMISSIONS)[number], string> = {
  BROWSE_PROJECTS: 'browse',
  CREATE_ISSUES: 'create issues in',
  EDIT_ISSUES: 'edit issues in',
  TRANSITION_ISSUES: 'transition issues in',
  ADD_COMMENTS: 'comment in',
  ADMINISTER_PROJECTS: 'administer',
};
