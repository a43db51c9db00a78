/**
 * Argument checks for the Forms classes. Live Apps Script names a Forms class with its service in a
 * signature error, as it does SpreadsheetApp's: "The parameters (FormApp.MultipleChoiceItem,number)
 * don't match the method signature for FormApp.Form.moveItem." (quoted in scripts that hit it).
 */
import { serviceArgs } from '../args';

export const { overload, signatureError, enumArg } = serviceArgs('FormApp');
