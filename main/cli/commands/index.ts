import type { Command } from '../command.ts';
import { dfgCommand } from './dfg.ts';
import { exportCommand } from './export.ts';
import { findingCommand } from './finding.ts';
import { findingsCommand } from './findings.ts';
import { modelsCommand } from './models.ts';
import { unusualEventsCommand } from './unusual-events.ts';
import { fixCommand } from './fix.ts';
import { importCommand } from './import.ts';
import { kpiCommand } from './kpi.ts';
import { mapCommand } from './map.ts';
import { predictCommand } from './predict.ts';
import { qualityCommand } from './quality.ts';
import { spcCommand } from './spc.ts';
import { statisticsCommand } from './statistics.ts';
import { statsCommand } from './stats.ts';
import { trainCommand } from './train.ts';
import { variantsCommand } from './variants.ts';

/** Every `gemba` subcommand; add a command here and it appears in `gemba help`. */
export const COMMANDS: readonly Command[] = [
  importCommand,
  statsCommand,
  dfgCommand,
  variantsCommand,
  mapCommand,
  qualityCommand,
  fixCommand,
  statisticsCommand,
  kpiCommand,
  spcCommand,
  exportCommand,
  trainCommand,
  findingsCommand,
  findingCommand,
  modelsCommand,
  unusualEventsCommand,
  predictCommand,
];
