// Progressive enhancement only: every page works without it. Charts and the ingest progress bar.
(function () {
  var data = document.getElementById('chart-data')
  // A chart with nothing to show is an empty-state sentence instead of a canvas.
  var draw = function (id, config) {
    var el = document.getElementById(id)
    if (el) new Chart(el, config)
  }
  if (data && window.Chart) {
    var d = JSON.parse(data.textContent)
    // Heights come from the .chart box (CSS), so a wide screen does not get a metre-tall chart.
    Chart.defaults.maintainAspectRatio = false
    var palette = ['#b3261e', '#0b57d0', '#137333', '#8a5300', '#7b1fa2', '#00838f', '#5d4037', '#c2185b', '#546e7a']
    draw('chart-hourly', {
      type: 'bar',
      data: { labels: d.hourly.labels, datasets: [{ label: '收到', data: d.hourly.received, backgroundColor: '#0b57d0' }, { label: '发出', data: d.hourly.sent, backgroundColor: '#b3261e' }] },
      options: { animation: false, responsive: true, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    })
    draw('chart-cases', {
      type: 'bar',
      data: {
        labels: d.cases.labels,
        datasets: d.cases.series.map(function (s, i) { return { label: s.label, data: s.data, backgroundColor: palette[i % palette.length], stack: s.stack } }),
      },
      options: { animation: false, responsive: true, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    })
    draw('chart-signups', {
      type: 'bar',
      data: { labels: d.signups.labels, datasets: [{ label: '已报名', data: d.signups.confirmed, backgroundColor: '#137333' }, { label: '候补', data: d.signups.waiting, backgroundColor: '#8a5300' }] },
      options: { animation: false, responsive: true, indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
    })
  }
  // After "提问" the page is rendered again: bring the answer into view.
  var answer = document.querySelector('.answer')
  if (answer) answer.scrollIntoView({ block: 'start' })
  var box = document.getElementById('ingest')
  if (box && box.dataset.running) {
    var bar = document.getElementById('ingest-bar')
    var text = document.getElementById('ingest-text')
    var phases = { parse: '读取文件', embed: '计算向量', write: '写入索引' }
    var poll = function () {
      fetch('/console/ops/knowledge/progress', { credentials: 'same-origin' }).then(function (r) { return r.json() }).then(function (p) {
        if (p.running) {
          var base = { parse: 0, embed: 40, write: 95 }[p.phase] || 0
          var span = { parse: 40, embed: 55, write: 5 }[p.phase] || 0
          bar.value = Math.round(base + (p.total ? (span * p.done) / p.total : 0))
          text.textContent = (phases[p.phase] || '准备中') + (p.total ? '（' + p.done + '/' + p.total + '）' : '')
          setTimeout(poll, 400)
        } else {
          bar.value = p.error ? 0 : 100
          box.dataset.running = ''
          text.textContent = p.error ? '失败：' + p.error : '完成，正在刷新…'
          location.reload()
        }
      })
    }
    poll()
  }
})()
