import { gasEnum } from './gas-enum';

/** ScriptApp.AuthMode names, as the runtime keeps them (the execution's mode). */
export const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;
export type AuthMode = (typeof AuthMode)[keyof typeof AuthMode];
/** ScriptApp.AuthMode as scripts see it (objects: gas-enum.ts); `e.authMode` is one of its values. */
export const AUTH_MODE = gasEnum('ScriptApp.AuthMode', AuthMode);

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
