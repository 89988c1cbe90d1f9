// Draw the bar charts whose data the page carries; the tables hold the same numbers.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("partnering-charts").textContent);
  var drawn = 0;
  if (typeof Chart === "undefined") { return; }
  data.forEach(function (chart) {
    var canvas = document.getElementById(chart.id);
    if (!canvas) { return; }
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: chart.labels,
        datasets: [{ label: chart.unit, data: chart.values, backgroundColor: "#3b6ea5" }]
      },
      options: {
        indexAxis: chart.horizontal ? "y" : "x",
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false }, title: { display: true, text: chart.title } },
        scales: {
          x: { ticks: { precision: 0, autoSkip: false } },
          y: { ticks: { precision: 0, autoSkip: false } }
        }
      }
    });
    drawn += 1;
  });
  document.documentElement.dataset.charts = String(drawn);
})();
