// OpenHire dashboard: the little script the pages need beyond htmx.
//  1. CSRF: htmx sends the session's CSRF token with every request it makes.
//  2. Live updates: one server-sent event stream per tab; elements that show something that changed
//     are asked to refresh themselves (they carry hx-trigger="refresh").
//  3. Uploads: files dropped or chosen go one request each, with a progress bar and the outcome.
//  4. Script errors: reported to the platform's monitoring through the dashboard, a few per page at most.
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }
  var csrfHeader = meta('csrf-header');
  var csrfToken = meta('csrf-token');

  // ---- Script errors (window.onerror and unhandled promise rejections) ----
  // Sent to the dashboard (same origin, the session's CSRF token), which relays them to monitoring. Only for a
  // signed-in person (only their pages name the address), at most 5 per page load: a loop that throws must not
  // flood anything. Compact: the error's name and message, the top 12 frames without this site's address or
  // any query, and the page's path without its query (a search is the person's business).
  var errorsUrl = meta('client-errors');
  var reportsLeft = 5;
  function reportError(type, message, stack) {
    if (!errorsUrl || !csrfHeader || !csrfToken || reportsLeft <= 0 || !window.fetch) return;
    reportsLeft--;
    var origin = window.location.origin;
    var frames = String(stack || '').split('\n')
      .map(function (line) { return line.trim().replace(/^at /, '').split(origin).join('').replace(/\?[^:)\s]*/g, ''); })
      .filter(function (line) { return /:\d+(:\d+)?\)?$/.test(line); })
      .slice(0, 12)
      .map(function (line) { return line.slice(0, 300); });
    var headers = {'Content-Type': 'application/json'};
    headers[csrfHeader] = csrfToken;
    fetch(errorsUrl, {
      method: 'POST',
      credentials: 'same-origin',
      keepalive: true,
      headers: headers,
      body: JSON.stringify({
        type: String(type || 'Error').slice(0, 200),
        message: String(message || '').slice(0, 1000),
        frames: frames,
        route: window.location.pathname.slice(0, 200)
      })
    }).catch(function () { /* best effort: nothing to do when the dashboard cannot be reached */ });
  }
  window.addEventListener('error', function (e) {
    // Script errors only: a failed image or script load does not bubble up to the window. "Script error." without
    // an error is another origin's script, which tells nothing.
    if (!e.message || (e.message === 'Script error.' && !e.error)) return;
    // the error's own message where there is one: the event's says "Uncaught " before it
    reportError(e.error && e.error.name, (e.error && e.error.message) || e.message, e.error && e.error.stack);
  });
  window.addEventListener('unhandledrejection', function (e) {
    var reason = e.reason;
    if (reason instanceof Error) {
      reportError(reason.name, reason.message, reason.stack);
    } else {
      reportError('UnhandledRejection', reason === undefined ? '' : String(reason), null);
    }
  });

  document.addEventListener('htmx:configRequest', function (e) {
    if (csrfHeader && csrfToken) e.detail.headers[csrfHeader] = csrfToken;
  });
  // A session that ended while the page was open: the server answers HX-Redirect, htmx follows it.
  // Anything else that failed without a body shows a sentence instead of nothing.
  document.addEventListener('htmx:responseError', function (e) {
    if (!e.detail.xhr.responseText) {
      showProblem(e.detail.target, 'That did not work (' + e.detail.xhr.status + '). Try again.');
    }
  });
  document.addEventListener('htmx:sendError', function (e) {
    showProblem(e.detail.target, 'The dashboard could not be reached. Check the connection and try again.');
  });
  function showProblem(target, text) {
    var box = document.createElement('div');
    box.className = 'alert error';
    box.setAttribute('role', 'alert');
    box.textContent = text;
    if (target) target.prepend(box);
  }

  // A part that refreshes itself (a training job's progress every 2 s) keeps the <details> the person opened
  // (a job's log): those with an id are opened again after the swap.
  var openDetails = [];
  document.addEventListener('htmx:beforeSwap', function (e) {
    openDetails = [];
    if (e.detail.target) {
      e.detail.target.querySelectorAll('details[id][open]').forEach(function (d) { openDetails.push(d.id); });
    }
  });
  document.addEventListener('htmx:afterSwap', function () {
    openDetails.forEach(function (id) {
      var d = document.getElementById(id);
      if (d) d.open = true;
    });
    openDetails = [];
  });

  // Slider values read out next to the sliders.
  document.addEventListener('input', function (e) {
    if (e.target.type === 'range') {
      var out = document.querySelector('output[for="' + e.target.id + '"]');
      if (out) out.textContent = Number(e.target.value).toFixed(1);
    }
  });

  // ---- Live updates ----
  function refresh(el, delay) {
    if (!window.htmx) return;
    setTimeout(function () { htmx.trigger(el, 'refresh'); }, delay || 0);
  }

  // The latest status the live stream told of each resume: a resume can be parsed before its upload's answer
  // reaches this page (the answer is what ties the upload's line to the resume), and must not stay "Received".
  var lastStatus = {};

  function onResume(change) {
    lastStatus[change.id] = change.status;
    var known = document.querySelectorAll('[data-resume-id="' + change.id + '"]');
    known.forEach(function (el) {
      if (el.hasAttribute('data-live-reload') && change.status !== 'RECEIVED') {
        window.location.reload();
      } else if (el.hasAttribute('hx-get')) {
        refresh(el);
      } else {
        var status = el.querySelector('.status');
        if (status) {
          status.textContent = label(change.status);
          status.className = 'status badge ' + change.status.toLowerCase();
        }
      }
    });
    // Lists that show resumes, and shortlists that may now rank this one (after matching indexed it).
    document.querySelectorAll('[data-live~="resume"]').forEach(function (el) {
      refresh(el, Number(el.getAttribute('data-live-delay') || 0));
    });
    if (known.length === 0) {
      document.querySelectorAll('[data-live~="resume-new"]').forEach(function (el) { refresh(el); });
    }
  }

  function label(status) {
    return ({RECEIVED: 'Received', PARSED: 'Parsed', FAILED: 'Failed', NEEDS_OCR: 'Needs OCR', DELETED: 'Deleted'})[status] || status;
  }

  function connect() {
    var indicator = document.getElementById('live-status');
    if (!indicator || !window.EventSource) return;
    var source = new EventSource('/live');
    source.addEventListener('ready', function () {
      indicator.textContent = 'live';
      indicator.className = 'live on';
    });
    source.addEventListener('resume', function (e) { onResume(JSON.parse(e.data)); });
    source.addEventListener('job', function () {
      document.querySelectorAll('[data-live~="job"]').forEach(function (el) { refresh(el, 500); });
    });
    source.addEventListener('feedback', function () {});
    // An application was added to a job or moved: that job's board (and its ranking's pipeline marks) reload.
    source.addEventListener('application', function (e) {
      var change = JSON.parse(e.data);
      document.querySelectorAll('[data-live~="application"]').forEach(function (el) {
        var job = el.getAttribute('data-job-id');
        if (!job || job === change.id) refresh(el, 300);
      });
    });
    // A notification for the organisation: the bell asks for this person's count again.
    source.addEventListener('notification', function () {
      document.querySelectorAll('[data-live~="notification"]').forEach(function (el) { refresh(el, 300); });
    });
    // A message or interview of a candidate changed (a reply came in, a booking): their conversation reloads.
    source.addEventListener('conversation', function (e) {
      var change = JSON.parse(e.data);
      document.querySelectorAll('[data-live~="conversation"]').forEach(function (el) {
        if (el.querySelector('[data-candidate-id="' + change.id + '"]')) refresh(el, 200);
      });
    });
    source.onerror = function () {
      indicator.textContent = 'reconnecting…';
      indicator.className = 'live off';
      // The browser retries by itself; a closed stream (signed out) is not retried.
      if (source.readyState === EventSource.CLOSED) {
        indicator.textContent = 'offline';
      }
    };
  }

  // ---- Uploads ----
  function setUpUploads() {
    var zone = document.getElementById('dropzone');
    var input = document.getElementById('files');
    var list = document.getElementById('uploads');
    if (!zone || !input || !list) return;
    var url = zone.getAttribute('data-upload-url');
    var queue = [];
    var active = 0;
    var PARALLEL = 3;

    function add(files) {
      Array.prototype.forEach.call(files, function (file) {
        var item = document.createElement('li');
        item.className = 'upload';
        var name = document.createElement('span');
        name.className = 'file';
        name.textContent = file.name;
        var bar = document.createElement('progress');
        bar.max = 100;
        bar.value = 0;
        bar.setAttribute('aria-label', 'Upload of ' + file.name);
        var status = document.createElement('span');
        status.className = 'status badge';
        status.textContent = 'Waiting';
        item.append(name, bar, status);
        list.prepend(item);
        if (file.size > 10 * 1024 * 1024) {
          fail(item, status, 'Larger than 10 MB: not sent.');
          return;
        }
        queue.push({file: file, item: item, bar: bar, status: status});
      });
      next();
    }

    function next() {
      while (active < PARALLEL && queue.length > 0) {
        send(queue.shift());
      }
    }

    function fail(item, status, text) {
      item.classList.add('failed');
      status.className = 'status badge failed';
      status.textContent = 'Refused';
      var why = document.createElement('span');
      why.className = 'why';
      why.setAttribute('role', 'alert');
      why.textContent = text;
      item.append(why);
    }

    function send(job) {
      active++;
      job.status.textContent = 'Uploading';
      var form = new FormData();
      form.append('file', job.file, job.file.name);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      if (csrfHeader && csrfToken) xhr.setRequestHeader(csrfHeader, csrfToken);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) job.bar.value = Math.round(e.loaded * 100 / e.total);
      };
      xhr.onload = function () {
        active--;
        var answer = {};
        try { answer = JSON.parse(xhr.responseText); } catch (ignored) { /* not JSON */ }
        if (xhr.status === 202 || xhr.status === 200) {
          job.bar.value = 100;
          job.item.setAttribute('data-resume-id', answer.id);
          var link = document.createElement('a');
          link.href = '/candidates/' + answer.id;
          link.textContent = job.file.name;
          job.item.querySelector('.file').replaceWith(link);
          link.className = 'file';
          var status = lastStatus[answer.id] && answer.status === 'RECEIVED' ? lastStatus[answer.id] : answer.status;
          job.status.className = 'status badge ' + String(status).toLowerCase();
          job.status.textContent = answer.duplicate ? 'Already uploaded · ' + label(status) : label(status);
          document.querySelectorAll('[data-live~="resume-new"]').forEach(function (el) { refresh(el, 300); });
        } else if (xhr.status === 401) {
          fail(job.item, job.status, 'Your session has ended. Sign in again, then upload this file again.');
        } else {
          fail(job.item, job.status, answer.error || 'The upload failed (' + xhr.status + ').');
        }
        next();
      };
      xhr.onerror = function () {
        active--;
        fail(job.item, job.status, 'The connection failed. Try again.');
        next();
      };
      xhr.send(form);
    }

    input.addEventListener('change', function () { add(input.files); input.value = ''; });
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove('over'); });
    });
    zone.addEventListener('drop', function (e) { if (e.dataTransfer) add(e.dataTransfer.files); });
  }

  // ---- The pipeline board: drag a card onto another stage's column (each card's "Move to" list is the
  // keyboard way). A drop on Rejected asks for the reason first. ----
  var dragged = null;
  document.addEventListener('dragstart', function (e) {
    var card = e.target.closest && e.target.closest('.card-item[data-application-id]');
    if (!card) return;
    dragged = card;
    card.classList.add('dragging');
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', card.getAttribute('data-application-id'));
  });
  document.addEventListener('dragend', function () {
    if (dragged) dragged.classList.remove('dragging');
    dragged = null;
    document.querySelectorAll('.stage-column.over').forEach(function (c) { c.classList.remove('over'); });
  });
  document.addEventListener('dragover', function (e) {
    var column = dragged && e.target.closest && e.target.closest('.stage-column');
    if (!column) return;
    e.preventDefault();
    document.querySelectorAll('.stage-column.over').forEach(function (c) { if (c !== column) c.classList.remove('over'); });
    column.classList.add('over');
  });
  document.addEventListener('drop', function (e) {
    var column = dragged && e.target.closest && e.target.closest('.stage-column');
    if (!column) return;
    e.preventDefault();
    column.classList.remove('over');
    var card = dragged;
    var board = column.closest('.board');
    var from = card.closest('.stage-column');
    if (!board || from === column) return;
    var stage = column.getAttribute('data-stage-id');
    var url = '/jobs/' + board.getAttribute('data-job-id') + '/board/move';
    var send = function (target) {
      htmx.ajax('POST', url, {target: '#board', swap: 'innerHTML',
        values: {applicationId: card.getAttribute('data-application-id'), target: target}});
    };
    if (column.getAttribute('data-category') === 'REJECTED') {
      var dialog = document.getElementById('reject-dialog');
      if (!dialog || !dialog.showModal) return;
      dialog.returnValue = '';
      dialog.onclose = function () {
        if (dialog.returnValue === 'ok') send(stage + '::' + document.getElementById('reject-reason').value);
      };
      dialog.showModal();
    } else {
      send(stage);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    connect();
    setUpUploads();
  });
})();
