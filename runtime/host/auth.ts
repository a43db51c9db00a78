/** ScriptApp.AuthMode values, as strings (the script compares them with `===` and `String()`). */
export const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;
export type AuthMode = (typeof AuthMode)[keyof typeof AuthMode];

export const Scope = {
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  forms: 'https://www.googleapis.com/auth/forms',
  formsCurrentOnly: 'https://www.googleapis.com/auth/forms.currentonly',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  userInfoEmail: 'https://www.googleapis.com/auth/userinfo.email',
} as const;
