// Charts of the dashboard, drawn with the vendored uPlot (lib/uplot, MIT): axes with units and labels, a legend,
// and a size that follows its container (a phone's 390 px as a laptop's 1400 px). Nothing here is fetched from the
// network and nothing is inline script, so the CSP holds.
'use strict';

const Charts = (() => {
  const palette = ['#8a6d3b', '#1f1d1a', '#b23a3a', '#5b8c5a', '#c9a227'];
  const drawn = new Set();
  // Tick steps for counts: never a "2.5 clients" tick.
  const integerSteps = [1, 2, 5].flatMap((m) => [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7].map((p) => m * p)).sort((a, b) => a - b);

  /** Width of a chart in its container (never wider than the screen), height in proportion, within bounds. */
  function size(container) {
    const width = Math.max(220, Math.min(container.clientWidth || 320, window.innerWidth - 24));
    return { width, height: Math.round(Math.max(160, Math.min(260, width * 0.45))) };
  }

  /**
   * A chart of one or more series over shared x values in <container> (cleared first).
   * spec: { x: number[], series: [{ label, values, color?, points?, bars?, dash? }], xLabel, yLabel,
   *         xTicks?: (v) => string, yTicks?: (v) => string, yRange?: [min, max], xRange?: [min, max], testid?,
   *         barWidth?: share of the gap between x values a bar fills (0.6 unless told),
   *         xIncrs?: number[] (the x tick steps uPlot may choose from), yIntegers?: whole-number y ticks only,
   *         xValue?: (v) => string (the x shown in a live legend), live?: the legend follows the cursor,
   *         description?: text added to the chart's accessible name (e.g. every bar's value) }
   */
  function draw(container, spec) {
    container.replaceChildren();
    if (typeof uPlot === 'undefined') {
      container.textContent = 'chart library not loaded';
      return null;
    }

    const xValue = spec.xValue || spec.xTicks;
    const series = [{ label: spec.xLabel, show: true, value: (u, v) => (v == null ? '' : (xValue ? xValue(v) : v)) }].concat(spec.series.map((s, i) => ({
      label: s.label,
      stroke: s.color || palette[i % palette.length],
      width: s.bars ? 0 : 2,
      fill: s.bars ? `${s.color || palette[i % palette.length]}cc` : undefined,
      dash: s.dash,
      spanGaps: true,
      points: { show: !s.bars && (!!s.points || s.values.length <= 12), size: s.points ? 7 : 5 },
      paths: s.bars ? uPlot.paths.bars({ size: [spec.barWidth || 0.6, spec.barWidth ? Infinity : 60] }) : undefined,
      value: (u, v) => (v == null ? '' : (spec.yTicks ? spec.yTicks(v) : v)),
    })));
    const tick = (fmt) => (fmt ? (u, values) => values.map((v) => fmt(v)) : undefined);
    const opts = {
      ...size(container),
      series,
      legend: { show: true, live: !!spec.live },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false, ...(spec.xRange ? { range: spec.xRange } : {}) },
        y: spec.yRange ? { range: spec.yRange } : {},
      },
      axes: [
        { label: spec.xLabel, values: tick(spec.xTicks), labelSize: 18, size: 36, font: '11px system-ui', labelFont: '11px system-ui', ...(spec.xIncrs ? { incrs: spec.xIncrs } : {}) },
        { label: spec.yLabel, values: tick(spec.yTicks), labelSize: 18, size: 48, font: '11px system-ui', labelFont: '11px system-ui', ...(spec.yIntegers ? { incrs: integerSteps } : {}) },
      ],
    };
    const plot = new uPlot(opts, [spec.x].concat(spec.series.map((s) => s.values)), container);
    if (spec.testid) plot.root.dataset.testid = spec.testid;
    // The axis labels are painted on the canvas: say them to screen readers (and tests) too.
    plot.root.setAttribute('role', 'img');
    plot.root.setAttribute('aria-label', `${spec.yLabel} against ${spec.xLabel}: ${spec.series.map((s) => s.label).join(', ')}${spec.description ? `; ${spec.description}` : ''}`);
    drawn.add({ plot, container });
    return plot;
  }

  // Charts follow their containers' width when the window changes (a phone turned, a window resized).
  let pending = 0;
  window.addEventListener('resize', () => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      for (const item of [...drawn]) {
        if (!item.container.isConnected || !item.container.contains(item.plot.root)) { drawn.delete(item); continue; }
        if (item.container.offsetParent !== null) item.plot.setSize(size(item.container));
      }
    }, 100);
  });

  return { draw, size };
})();
