import type { GasObject } from './gas-object';
import type { ExecutionContext } from './execution';
import { createSpreadsheetApp, createCharts } from './spreadsheet';
import { createFormApp } from './form';
import { createScriptApp } from './services/triggers';
import { createMailApp } from './services/mail';
import { createPropertiesService } from './services/properties';
import { createLockService } from './services/lock';
import { createCacheService } from './services/cache';
import { createHtmlService } from './services/html';
import { createSession } from './services/session';
import { createUtilities } from './services/utilities';
import { createLogger, createConsole } from './services/logging';

/** The global objects of an Apps Script V8 project, fresh for each execution. */
export function createGlobals(ctx: ExecutionContext): Record<string, GasObject> {
  return {
    SpreadsheetApp: createSpreadsheetApp(ctx),
    Charts: createCharts(ctx),
    FormApp: createFormApp(ctx),
    ScriptApp: createScriptApp(ctx),
    MailApp: createMailApp(ctx),
    PropertiesService: createPropertiesService(ctx),
    LockService: createLockService(ctx),
    CacheService: createCacheService(ctx),
    HtmlService: createHtmlService(ctx),
    Session: createSession(ctx),
    Utilities: createUtilities(ctx),
    Logger: createLogger(ctx),
    console: createConsole(ctx),
  };
}
