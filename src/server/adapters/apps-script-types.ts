/**
 * The Apps Script types the add-on's code names, declared once: the adapters and the features that hand
 * a spreadsheet, a sheet or a store from one adapter call to the next import them from here.
 */
export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Range = GoogleAppsScript.Spreadsheet.Range;
export type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
export type Protection = GoogleAppsScript.Spreadsheet.Protection;
export type Form = GoogleAppsScript.Forms.Form;
export type Item = GoogleAppsScript.Forms.Item;
export type Trigger = GoogleAppsScript.Script.Trigger;
export type Properties = GoogleAppsScript.Properties.Properties;
export type Cache = GoogleAppsScript.Cache.Cache;
export type Lock = GoogleAppsScript.Lock.Lock;
export type Menu = GoogleAppsScript.Base.Menu;
