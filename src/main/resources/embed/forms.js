/* Stackdesk's embeddable forms: checks each field as the visitor types, with the rules and messages
   the server checks it by (filled in below by the server), records the fill time, the host page's
   address, referrer and UTM parameters, posts the lead as JSON, and reports a view and a start to the
   form analytics (counters). No cookies, no requests to anyone but Stackdesk.
   Without this script the form still works: it posts form-encoded and the server answers with a page. */
(function () {
  'use strict';
  var RULES = /*RULES*/{};
  var EMAIL = /*EMAIL*/{};
  var THANKS = /*THANKS*/{};
  var SORRY = 'Sorry, we could not send your request just now. Your answers are still here; please try again in a minute.';

  function anchored(pattern) { return new RegExp('^(?:' + pattern + ')$', 'u'); }
  var local = anchored(EMAIL.local), label = anchored(EMAIL.label), tld = anchored(EMAIL.tld);

  // as the server normalizes before it checks: one line, control and invisible characters as spaces
  function singleLine(v) { return v.normalize('NFC').replace(/[\s\p{Cc}]|(?!\u200d)\p{Cf}/gu, ' ').replace(/ +/g, ' ').trim(); }
  function multiLine(v) {
    return v.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')
      .replace(/(?![\n\u200d])[\p{Cc}\p{Cf}]/gu, '').replace(/[ \u00a0]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  }
  function isEmail(v) {
    var at = v.lastIndexOf('@');
    if (at <= 0 || at === v.length - 1 || v.indexOf('@') !== at) return false;
    var name = v.slice(0, at), domain = v.slice(at + 1);
    if (name.length > 64 || domain.length > 253 || !local.test(name)) return false;
    var labels = domain.split('.');
    if (labels.length < 2) return false;
    for (var i = 0; i < labels.length; i++) if (!label.test(labels[i])) return false;
    return tld.test(labels[labels.length - 1]);
  }

  function init(form) {
    var kind = form.getAttribute('data-stackdesk-form');
    var rules = RULES[kind];
    if (!rules || form.stackdesk) return;
    form.stackdesk = true;
    form.noValidate = true;
    var touched = {};
    var status = form.querySelector('.sdf-status');
    var button = form.querySelector('button[type=submit]');
    var el = function (name) { return form.elements.namedItem(name); };
    var set = function (name, value) { var e = el(name); if (e && !e.value && value) e.value = value; };

    var params = new URLSearchParams(location.search);
    // the form analytics: a view now, a start at the first field the visitor changes (counters only)
    var tracked = (el('form') && el('form').value) || (kind === 'DEVELOPMENT_PLAN' ? 'development-plan' : 'consultation');
    function beacon(event) {
      var query = new URLSearchParams();
      if (params.get('utm_source')) query.set('utm_source', params.get('utm_source'));
      if (document.referrer) query.set('referrer', document.referrer);
      var url = new URL(form.action, location.href).origin + '/api/analytics/' + tracked + '/' + event + '?' + query;
      if (navigator.sendBeacon) navigator.sendBeacon(url);
      else fetch(url, { method: 'POST', mode: 'cors', credentials: 'omit', keepalive: true }).catch(function () {});
    }
    beacon('view');
    var started = false;
    function start() { if (!started) { started = true; beacon('start'); } }
    form.addEventListener('input', start);
    form.addEventListener('change', start);
    set('startedAt', String(Date.now()));
    try { set('timeZone', Intl.DateTimeFormat().resolvedOptions().timeZone); } catch (e) { /* no zone: UTC */ }
    ['Source', 'Medium', 'Campaign', 'Term', 'Content'].forEach(function (p) { set('utm' + p, params.get('utm_' + p.toLowerCase())); });
    set('referrer', document.referrer);
    set('landingPage', location.href.split('#')[0]);
    var when = el('preferredTime');
    if (when && when.type === 'datetime-local') {
      var now = new Date(Date.now() - new Date().getTimezoneOffset() * 60000);
      when.min = now.toISOString().slice(0, 16);
    }

    function value(name) {
      var e = el(name);
      if (!e) return '';
      if (e.type === 'checkbox') return e.checked;
      var v = e.value || '';
      if (e.tagName === 'TEXTAREA') return multiLine(v);
      return name === 'email' ? singleLine(v).replace(/ /g, '') : singleLine(v);
    }

    function problem(name) {
      var r = rules[name], v = value(name);
      if (r.required && (v === false || v === '')) return r.required;
      if (v === '' || v === true || v === false) return '';
      if (r.max && v.length > r.max) return r.maxMessage;
      if (r.pattern && !anchored(r.pattern).test(v)) return r.patternMessage;
      if (r.email && !isEmail(v)) return r.email;
      if (r.future) {
        var at = new Date(v).getTime();
        if (at < Date.now()) return r.future;
        if (at > Date.now() + r.withinDays * 864e5) return r.withinMessage;
      }
      return '';
    }

    function show(name, message) {
      var e = el(name);
      var box = form.querySelector('[id$="-' + name + '-error"]');
      if (!e || !box) return false;
      box.textContent = message;
      var inputs = e.type ? [e] : Array.prototype.slice.call(e);
      inputs.forEach(function (i) { if (message) i.setAttribute('aria-invalid', 'true'); else i.removeAttribute('aria-invalid'); });
      return true;
    }

    function check(name) { var m = problem(name); show(name, m); return m; }

    function focus(name) {
      var e = el(name);
      var target = e && (e.type ? e : e[0]);
      if (target) target.focus();
    }

    function say(text) { status.textContent = text; }

    function named(target) { return target && target.name && rules[target.name] ? target.name : null; }
    form.addEventListener('focusout', function (e) {
      var name = named(e.target);
      // a radio group is left when focus moves outside it, not between its buttons
      if (name && !(e.relatedTarget && e.relatedTarget.name === name)) { touched[name] = true; check(name); }
    });
    form.addEventListener('input', function (e) { var name = named(e.target); if (name && touched[name]) check(name); });
    form.addEventListener('change', function (e) { var name = named(e.target); if (name) { touched[name] = true; check(name); } });

    var busy = false;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (busy) return;
      var first = null;
      Object.keys(rules).forEach(function (name) { touched[name] = true; if (check(name) && !first) first = name; });
      if (first) { say('Please correct the highlighted fields.'); focus(first); return; }
      var body = {};
      Array.prototype.forEach.call(form.elements, function (e) {
        if (!e.name || e.disabled) return;
        if (e.type === 'checkbox') body[e.name] = e.checked;
        else if (e.type === 'radio') { if (e.checked) body[e.name] = e.value; }
        else if (e.value !== '') body[e.name] = e.value;
      });
      if (body.startedAt) body.startedAt = Number(body.startedAt);
      busy = true;
      button.disabled = true;
      say('Sending your request…');
      fetch(form.action, {
        method: 'POST', mode: 'cors', credentials: 'omit',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) { answer(response, json); });
      }).catch(function () { say(SORRY); }).then(function () { busy = false; button.disabled = false; });
    });

    function answer(response, json) {
      if (response.status === 201 && json.reference) return thank(json.reference);
      if (response.status === 400 && json.errors && json.errors.length) {
        var first = null;
        json.errors.forEach(function (error) {
          if (show(error.field, error.message)) { if (!first) first = error.field; } else say(error.message);
        });
        if (first) { say('Please correct the highlighted fields.'); focus(first); }
        return;
      }
      if (response.status === 429) {
        var minutes = Math.max(1, Math.ceil((json.retryAfterSeconds || 60) / 60));
        return say('You have sent several requests in a short time. Please try again in ' + minutes
          + ' minutes; nothing was lost, your answers are still here.');
      }
      say(SORRY);
    }

    function thank(reference) {
      var thanks = THANKS[kind];
      var box = document.createElement('div');
      box.className = 'sdf-thanks';
      box.setAttribute('role', 'status');
      box.tabIndex = -1;
      var title = document.createElement('p');
      title.className = 'sdf-thanks-title';
      title.textContent = thanks.title;
      var ref = document.createElement('p');
      ref.append('Your reference: ');
      var strong = document.createElement('strong');
      strong.className = 'sdf-reference';
      strong.textContent = reference;
      ref.append(strong);
      var quote = document.createElement('p');
      quote.textContent = 'Quote it if you write or call us about this request.';
      var steps = document.createElement('ol');
      thanks.steps.forEach(function (step) { var li = document.createElement('li'); li.textContent = step; steps.append(li); });
      box.append(title, ref, quote, steps);
      form.replaceChildren(box);
      box.focus();
    }
  }

  function start() { Array.prototype.forEach.call(document.querySelectorAll('form[data-stackdesk-form]'), init); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
