/**
 * A one-line progress bar on stderr when it is a terminal; otherwise one line per finished
 * experiment, so CI logs stay readable.
 */
export function createProgress(
  stream: NodeJS.WriteStream = process.stderr,
): (done: number, total: number, label: string) => void {
  const tty = stream.isTTY === true;
  let lastLabel = '';
  const started = Date.now();
  return (done, total, label) => {
    if (tty) {
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${secs}s ${label.padEnd(40).slice(0, 40)}`,
      );
      if (done === total) stream.write('\n');
    } else if (label !== lastLabel || done === total) {
      if (lastLabel !== '' && label !== lastLabel) stream.write(`bench: done ${lastLabel}\n`);
      if (done === total) stream.write(`bench: done ${label} (${done}/${total})\n`);
    }
    lastLabel = label;
  };
}
