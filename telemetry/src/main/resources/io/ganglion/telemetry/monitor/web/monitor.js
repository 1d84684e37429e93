// ganglion monitor page: Server-Sent Events from /events feed uPlot charts, the board list and the event log.
"use strict";
(function () {
  const MAX_POINTS = 1500;
  const COLORS = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#4e342e", "#ad1457"];
  const charts = {};          // "<board>/<stream>" -> {plot, data, fields}
  // Exposed for tests and curious users: how many points and updates this page received.
  window.ganglion = { points: 0, updates: 0, charts: 0 };
  // The board times (s) a chart holds now, and the handler of an update message.
  window.ganglion.times = key => (charts[key] ? charts[key].data[0].slice() : null);
  window.ganglion.plot = key => (charts[key] ? charts[key].plot : null);

  function text(id, value) { document.getElementById(id).textContent = value; }

  // uPlot pads the data's y range by 10 %: around +-Double.MAX_VALUE that overflows to Infinity and the
  // chart draws nothing. The range is taken over the data clamped to +-1e307 (larger values are clipped).
  const Y_LIMIT = 1e307;
  function yRange(u, min, max) {
    if (min == null || max == null) return [min, max];
    return uPlot.rangeNum(Math.max(min, -Y_LIMIT), Math.min(max, Y_LIMIT), 0.1, true);
  }

  function chartFor(key, fields) {
    let c = charts[key];
    if (c && c.fields.join() === fields.join()) return c;
    if (c) { c.plot.destroy(); c.box.remove(); }
    const box = document.createElement("div");
    box.className = "chart";
    box.dataset.key = key;
    const title = document.createElement("h3");
    title.textContent = key;
    box.appendChild(title);
    document.getElementById("charts").appendChild(box);
    const series = [{ label: "t (s)" }];
    fields.forEach((f, i) => series.push({ label: f, stroke: COLORS[i % COLORS.length], width: 1 }));
    const data = [[]].concat(fields.map(() => []));
    const width = Math.max(400, document.getElementById("charts").clientWidth - 20);
    const plot = new uPlot({ width: width, height: 220, series: series,
      scales: { x: { time: false }, y: { range: yRange } },
      axes: [{ label: "board time (s)" }, {}] }, data, box);
    c = { plot: plot, data: data, fields: fields, box: box };
    charts[key] = c;
    window.ganglion.charts = Object.keys(charts).length;
    return c;
  }

  function addPoints(key, p) {
    const c = chartFor(key, p.fields);
    for (let i = 0; i < p.t.length; i++) {
      const n = c.data[0].length;
      if (n > 0 && p.t[i] < c.data[0][n - 1]) {
        // board time went back: the board restarted (its clock starts at 0 again), or this is the
        // history sent again after a reconnection; uPlot needs x sorted, so the chart starts over
        c.data.forEach(a => { a.length = 0; });
      }
      c.data[0].push(p.t[i]);
      for (let f = 0; f < p.fields.length; f++) c.data[f + 1].push(p.v[f][i]);
    }
    const extra = c.data[0].length - MAX_POINTS;
    if (extra > 0) c.data.forEach(a => a.splice(0, extra));
    c.plot.setData(c.data);
    window.ganglion.points += p.t.length;
  }

  function boards(snapshot) {
    const body = document.querySelector("#boards tbody");
    body.innerHTML = "";
    snapshot.boards.forEach(b => {
      const tr = document.createElement("tr");
      const streams = b.streams.map(s => s.stream + " " + s.samples_per_s.toFixed(0) + "/s").join(", ");
      [b.board, b.state, b.law || "-", b.format || "-", String(b.dropped_samples), streams].forEach((v, i) => {
        const td = document.createElement("td");
        td.textContent = v;
        if (i === 1) td.className = b.state;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function events(snapshot) {
    const ol = document.getElementById("events");
    ol.innerHTML = "";
    snapshot.events.slice().reverse().forEach(e => {
      const li = document.createElement("li");
      const when = new Date(e.received_ms).toISOString().substring(11, 23);
      li.textContent = when + " " + e.board + (e.seq >= 0 ? " #" + e.seq : "") + " " + e.kind
        + (e.detail ? " " + e.detail : "") + (e.value !== null ? " " + e.value : "");
      if (/reject|fault|failsafe|offline/.test(e.kind)) li.className = "warn";
      ol.appendChild(li);
    });
  }

  function update(msg) {
    const s = msg.snapshot;
    text("broker", s.broker + "  " + s.filter);
    const link = document.getElementById("link");
    link.textContent = s.connected ? "connected" : "broker not connected";
    link.className = s.connected ? "good" : "bad";
    let rejected = 0;
    Object.values(s.rejected).forEach(r => Object.values(r).forEach(n => { rejected += n; }));
    text("rejected", rejected);
    boards(s);
    events(s);
    Object.keys(msg.points).forEach(k => addPoints(k, msg.points[k]));
    window.ganglion.updates++;
    text("points", window.ganglion.points);
    text("updates", window.ganglion.updates);
  }

  window.ganglion.apply = update;

  const source = new EventSource("/events");
  source.addEventListener("update", ev => update(JSON.parse(ev.data)));
  source.onerror = () => {
    const link = document.getElementById("link");
    link.textContent = "monitor not reachable (retrying)";
    link.className = "bad";
  };
})();
