import { useEffect, useRef, useState } from 'react';
import type { CsvPreview, FileRef, ImportRequest, JobEvent, UserFacingError } from '../../../preload/api.ts';
import { fileRefFor } from '../../api/client.ts';
import { toUserFacingError } from '../../api/gemba-error.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatBytes } from '../../components/format.ts';
import { CsvMapping } from './csv-mapping.tsx';
import { DropZone } from './drop-zone.tsx';
import { createEtaEstimator } from './eta.ts';
import { fileKindOf, type FileKind } from './file-kind.ts';
import { createImportFraction } from './import-fraction.ts';
import { ImportProgress, type ProgressState } from './import-progress.tsx';
import { forgetJob, JOB_POLL_MS, jobOutcome, recallJob, rememberJob } from './job-tracking.ts';
import { TimeZoneSelect } from './time-zone-select.tsx';
import { draftFromPreview, draftProblems, mappingFromDraft, type MappingDraft } from './mapping-draft.ts';

type Stage =
  | { step: 'choose' }
  | { step: 'reading'; fileName: string }
  | {
      step: 'configure';
      fileName: string;
      fileSize: number | null;
      kind: FileKind;
      file: FileRef;
      preview: CsvPreview | null;
    }
  | { step: 'running'; fileName: string; jobId: string | null };

/** The job this window follows now; module-wide, so a return to the screen takes it over. */
let followed: { jobId: string | null; stop(): void } | null = null;

/** Import screen: choose a file, map its columns (CSV), run the import with progress and cancel. */
export function ImportView() {
  const { api, environment, navigate, logChanged, takePendingFile, route } = useWorkbench();
  const workspace = useWorkspace();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [acceptRejects, setAcceptRejects] = useState(false);
  const [xesZone, setXesZone] = useState(environment.timezone);
  const [error, setError] = useState<UserFacingError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const mounted = useRef(true);

  // Leaving the screen does not stop a running import: its listener stays until the job ends,
  // so the workspace still switches to the new log; only the jump to the summary is skipped.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // A file chosen in Electron's "Import log…" dialog arrives through the workbench.
  useEffect(() => {
    const pending = takePendingFile();
    if (pending)
      void chooseFile(pending.kind === 'path' ? baseName(pending.path) : pending.name, null, async () => pending);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per menu hand-over, marked by `at`
  }, [route.params.at]);

  async function chooseFile(fileName: string, fileSize: number | null, toRef: () => Promise<FileRef>) {
    setError(null);
    setNotice(null);
    const kind = fileKindOf(fileName);
    setStage({ step: 'reading', fileName });
    try {
      const ref = await toRef();
      const preview = kind === 'xes' ? null : await api.previewCsv(ref);
      if (preview) setDraft(draftFromPreview(preview, environment.timezone));
      setStage({
        step: 'configure',
        fileName,
        fileSize: fileSize ?? preview?.fileSize ?? null,
        kind: preview ? 'csv' : kind,
        file: ref,
        preview,
      });
    } catch (e) {
      setStage({ step: 'choose' });
      setError(toUserFacingError(e));
    }
  }

  /**
   * Follows one import job until it ends: its events from the stream, and jobs() every few
   * seconds, so a missed final event (a dropped stream, a sleeping laptop) cannot leave the screen
   * waiting forever. Leaving the screen does not stop it: the workspace still switches to the new
   * log; only the jump to the summary is skipped.
   */
  function follow(fileName: string, back: Stage) {
    followed?.stop();
    const early: JobEvent[] = [];
    let jobId: string | null = null;
    let ended = false;
    const estimator = createEtaEstimator();
    const fraction = createImportFraction();
    const stop = () => {
      ended = true;
      unsubscribe();
      clearInterval(poll);
      if (followed === tracker) followed = null;
    };
    const handle = (event: JobEvent) => {
      if (ended) return;
      if (event.type === 'progress') {
        const share = fraction(event.phase, event.done, event.total);
        // One scale for the whole job: the bar's share of the import, in ten-thousandths.
        const estimate = estimator.update({
          phase: 'import',
          done: Math.round((share ?? 0) * 10_000),
          total: share === null ? 0 : 10_000,
          at: performance.now(),
        });
        setProgress({
          phase: event.phase,
          done: event.done,
          total: event.total,
          fraction: share,
          secondsLeft: estimate.secondsLeft,
        });
        return;
      }
      stop();
      forgetJob(event.jobId);
      if (event.type === 'done') {
        // Only this import's events reach here (by job id), so the result is an import summary.
        void logChanged(undefined, event.kind === 'import' ? event.result : undefined).then(
          () => {
            if (mounted.current) navigate('summary');
          },
          (e: unknown) => {
            setStage(back);
            setError(toUserFacingError(e));
          },
        );
      } else if (event.type === 'failed') {
        setStage(back);
        setError(event.error);
      } else {
        setStage(back);
        setNotice('Import cancelled. The workspace is unchanged.');
      }
    };
    const unsubscribe = api.onJobEvent((event) => {
      if (jobId === null) early.push(event);
      else if (event.jobId === jobId) handle(event);
    });
    const poll = setInterval(() => {
      if (jobId === null || ended) return;
      const id = jobId;
      api.jobs().then(
        (events) => {
          const outcome = jobOutcome(events, id);
          if (outcome.kind !== 'unknown') handle(outcome.event);
          else
            handle({
              type: 'failed',
              kind: 'import',
              jobId: id,
              error: {
                kind: 'internal',
                message: `Gemba lost track of the import of ${fileName}: the engine no longer knows the job (was it restarted?).`,
                hint: 'The import history on the Workspace page shows whether the log was imported; if not, import it again.',
              },
            });
        },
        () => undefined, // the engine is unreachable for a moment: ask again at the next tick
      );
    }, JOB_POLL_MS);
    const tracker = {
      jobId: null as string | null,
      stop,
      attach(id: string) {
        jobId = id;
        tracker.jobId = id;
        rememberJob({ jobId: id, fileName, workspace: workspace.path });
        setStage({ step: 'running', fileName, jobId: id });
        for (const event of early.splice(0)) if (event.jobId === id) handle(event);
      },
      fail(e: unknown) {
        stop();
        setStage(back);
        setError(toUserFacingError(e));
      },
      handle,
    };
    followed = tracker;
    setProgress(null);
    setCancelling(false);
    setStage({ step: 'running', fileName, jobId: null });
    return tracker;
  }

  // A reload of the window, or a return to this screen, finds the import this window started.
  useEffect(() => {
    const remembered = recallJob();
    if (!remembered || remembered.workspace !== workspace.path) return;
    let cancelled = false;
    api.jobs().then(
      (events) => {
        if (cancelled) return;
        const outcome = jobOutcome(events, remembered.jobId);
        if (outcome.kind === 'unknown') {
          forgetJob(remembered.jobId);
          return;
        }
        const tracker = follow(remembered.fileName, { step: 'choose' });
        tracker.attach(remembered.jobId);
        tracker.handle(outcome.event);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per visit of the screen
  }, [workspace.path]);

  async function start() {
    if (stage.step !== 'configure') return;
    const request: ImportRequest = { workspace: workspace.path, file: stage.file, acceptRejects };
    if (stage.preview && draft) request.mapping = mappingFromDraft(draft, stage.preview);
    else request.mapping = { timezone: xesZone };
    setError(null);
    setNotice(null);
    // Listen before starting: a small log can finish before startImport's answer arrives.
    const tracker = follow(stage.fileName, stage);
    try {
      const started = await api.startImport(request);
      tracker.attach(started.jobId);
    } catch (e) {
      tracker.fail(e);
    }
  }

  async function cancel() {
    if (stage.step !== 'running' || !stage.jobId) return;
    setCancelling(true);
    try {
      await api.cancelJob(stage.jobId);
    } catch (e) {
      setError(toUserFacingError(e));
      setCancelling(false);
    }
  }

  const problems = draft && stage.step === 'configure' && stage.preview ? draftProblems(draft) : [];

  return (
    <div className="view">
      <header className="view-header">
        <div>
          <h1>Import a log</h1>
          <p className="muted">
            Into workspace <strong>{workspace.name}</strong>. The current log is replaced only if the import succeeds;
            earlier imports stay in the history.
          </p>
        </div>
      </header>

      {error ? (
        <ErrorPanel
          error={error}
          title={error.kind === 'input' ? 'The file could not be read' : undefined}
          onDismiss={() => setError(null)}
        />
      ) : null}
      {notice ? (
        <p className="notice" role="status" data-testid="import-notice">
          {notice}
        </p>
      ) : null}

      {stage.step === 'choose' || stage.step === 'reading' ? (
        <section className="panel">
          <DropZone
            onFile={(file) => void chooseFile(file.name, file.size, () => fileRefFor(file))}
            disabled={stage.step === 'reading'}
          />
          {stage.step === 'reading' ? (
            <p className="muted" role="status" data-testid="reading-file">
              Reading {stage.fileName}…
            </p>
          ) : null}
        </section>
      ) : null}

      {stage.step === 'configure' ? (
        <>
          <section className="panel chosen-file">
            <div>
              <span className="badge">{stage.kind === 'csv' ? 'CSV' : stage.kind === 'xes' ? 'XES' : 'File'}</span>{' '}
              <strong data-testid="chosen-file">{stage.fileName}</strong>{' '}
              {stage.fileSize !== null ? <span className="muted">({formatBytes(stage.fileSize)})</span> : null}
            </div>
            <button
              type="button"
              className="link-button"
              onClick={() => setStage({ step: 'choose' })}
              data-testid="choose-other"
            >
              Choose another file
            </button>
          </section>
          {stage.preview && draft ? (
            <CsvMapping preview={stage.preview} draft={draft} onChange={setDraft} machineZone={environment.timezone} />
          ) : null}
          {stage.kind === 'xes' ? (
            <section className="panel">
              <p className="muted">
                XES carries its own case, activity and timestamp keys (concept:name, time:timestamp) and typed
                attributes, so no mapping is needed.
              </p>
              <label className="field narrow-field">
                <span className="field-label">Time zone for timestamps without offset</span>
                <TimeZoneSelect
                  value={xesZone}
                  onChange={setXesZone}
                  machineZone={environment.timezone}
                  testId="xes-timezone"
                />
              </label>
            </section>
          ) : null}
          <section className="panel start-bar">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={acceptRejects}
                onChange={(e) => setAcceptRejects(e.target.checked)}
                data-testid="accept-rejects"
              />
              Import even if more than 1% of rows are rejected
            </label>
            {problems.length > 0 ? (
              <ul className="problems" data-testid="mapping-problems">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
            <button
              type="button"
              className="primary"
              onClick={() => void start()}
              disabled={problems.length > 0}
              data-testid="start-import"
            >
              Start import
            </button>
          </section>
        </>
      ) : null}

      {stage.step === 'running' ? (
        <ImportProgress
          fileName={stage.fileName}
          progress={progress}
          onCancel={() => void cancel()}
          cancelling={cancelling || !stage.jobId}
        />
      ) : null}
    </div>
  );
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
