/*
 * Stackdesk stack assistant: a guided conversation (buttons and short answers) that recommends a
 * backend stack, estimates a project and hands over to a consultation request. Embed with
 *   <div id="stackdesk-assistant" data-stackdesk-assistant></div>
 *   <script src="https://stackdesk.example.com/embed/assistant.js" defer></script>
 * No framework, no cookies, no storage, no request to anyone but the Stackdesk that serves it. The
 * questions, rules and rate card live on the server (config/assistant-rules.yml, rate-card.yml).
 * Theme it with the CSS custom properties in assistant.css (--sda-accent, --sda-font, ...).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = script && script.src ? new URL(script.src).origin : window.location.origin;
  var FORM = 'assistant';

  function api(path, body) {
    var options = body === undefined ? { credentials: 'omit' }
      : { method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    return fetch(base + path, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, body: json };
      });
    });
  }

  function param(name) {
    return new URLSearchParams(window.location.search).get(name);
  }

  function beacon(event) {
    var query = new URLSearchParams();
    if (param('utm_source')) { query.set('utm_source', param('utm_source')); }
    if (document.referrer) { query.set('referrer', document.referrer); }
    var url = base + '/api/analytics/' + FORM + '/' + event + '?' + query;
    if (navigator.sendBeacon) { navigator.sendBeacon(url); } else { fetch(url, { method: 'POST', keepalive: true, credentials: 'omit' }); }
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') { node.textContent = attrs[key]; } else if (key === 'on') {
        Object.keys(attrs.on).forEach(function (type) { node.addEventListener(type, attrs.on[type]); });
      } else if (attrs[key] !== false && attrs[key] != null) { node.setAttribute(key, attrs[key] === true ? '' : attrs[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child); } });
    return node;
  }

  function stylesheet() {
    var href = base + '/embed/assistant.css';
    if (!document.querySelector('link[href="' + href + '"]')) {
      document.head.appendChild(el('link', { rel: 'stylesheet', href: href }));
    }
  }

  function Assistant(root, config, n) {
    var self = this;
    var state = { explore: null, quote: null, recommendation: null, estimate: null, started: false };
    // focusable, so a keyboard can scroll a long conversation
    var log = el('div', { 'class': 'sda-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Conversation', tabindex: '0' });
    var controls = el('div', { 'class': 'sda-controls' });
    root.classList.add('sda');
    root.setAttribute('role', 'region');
    root.setAttribute('aria-label', 'Stack assistant');
    root.textContent = '';
    root.appendChild(el('h2', { 'class': 'sda-title', text: 'Stack assistant' }));
    root.appendChild(log);
    root.appendChild(controls);

    function say(text, who, extra) {
      var message = el('div', { 'class': 'sda-msg sda-' + (who || 'bot') }, [who === 'you' ? el('span', { 'class': 'sda-sr', text: 'You: ' }) : null, el('p', { text: text })].concat(extra || []));
      log.appendChild(message);
      // never move the host page before the visitor has turned to the assistant
      if (state.started) { message.scrollIntoView({ block: 'nearest' }); }
    }

    function list(items) {
      return el('ul', {}, items.map(function (item) { return el('li', { text: item }); }));
    }

    function start() {
      if (!state.started) { state.started = true; beacon('start'); }
    }

    function show(nodes, focus) {
      controls.textContent = '';
      nodes.forEach(function (node) { controls.appendChild(node); });
      var target = focus || controls.querySelector('button, input, select, textarea');
      if (target && state.started) { target.focus({ preventScroll: true }); }
    }

    function buttons(choices) {
      return el('div', { 'class': 'sda-choices' }, choices.map(function (choice) {
        return el('button', { type: 'button', 'class': 'sda-choice', text: choice.label, on: { click: function () { start(); choice.run(); } } });
      }));
    }

    // one question: single choice as buttons, several as checkboxes with "Continue"
    function ask(question, done) {
      say(question.text);
      if (!question.multiple) {
        show([buttons(question.options.map(function (option) {
          return { label: option.label, run: function () { say(option.label, 'you'); done([option.id]); } };
        }))]);
        return;
      }
      var legend = el('legend', { 'class': 'sda-sr', text: question.text });
      var boxes = question.options.map(function (option, i) {
        var id = 'sda' + n + '-' + question.id + '-' + i;
        return el('div', { 'class': 'sda-check' }, [
          el('input', { type: 'checkbox', id: id, value: option.id, on: { change: start } }),
          el('label', { 'for': id, text: option.label })]);
      });
      var hint = el('p', { 'class': 'sda-error', role: 'alert' });
      var go = el('button', { type: 'button', 'class': 'sda-primary', text: 'Continue', on: { click: function () {
        var chosen = boxes.map(function (b) { return b.querySelector('input'); }).filter(function (b) { return b.checked; });
        if (!chosen.length) { hint.textContent = 'Choose at least one answer.'; return; }
        say(chosen.map(function (b) { return b.nextSibling.textContent; }).join(', '), 'you');
        done(chosen.map(function (b) { return b.value; }));
      } } });
      show([el('fieldset', { 'class': 'sda-fieldset' }, [legend].concat(boxes)), hint, go]);
    }

    function askAll(questions, answers, multiple, done) {
      var i = 0;
      (function next() {
        if (i === questions.length) { done(answers); return; }
        var question = questions[i++];
        ask(question, function (ids) { answers[question.id] = multiple ? ids : ids[0]; next(); });
      })();
    }

    function failed(response) {
      say(response.status === 429 ? 'Too many requests just now; please try again in a few minutes.'
        : 'Sorry, something went wrong. Please try again.');
      menu();
    }

    function explore() {
      say('Which backend stack fits us?', 'you');
      askAll(config.explore, {}, true, function (answers) {
        api('/api/assistant/recommendation', { answers: answers }).then(function (response) {
          if (response.status !== 200) { failed(response); return; }
          var r = response.body;
          state.explore = answers;
          state.recommendation = r;
          say('I recommend ' + r.recommended.label + ', with ' + r.runnerUp.label + ' as the runner-up.', 'bot', [
            el('p', { 'class': 'sda-head', text: 'Why ' + r.recommended.label + ':' }), list(r.recommended.reasons),
            el('p', { 'class': 'sda-head', text: 'Why ' + r.runnerUp.label + ':' }), list(r.runnerUp.reasons)]);
          menu('What next?');
        }, failed);
      });
    }

    function quote() {
      say('Get a quote', 'you');
      askAll(config.quote, {}, false, function (answers) {
        api('/api/assistant/quote', { answers: answers }).then(function (response) {
          if (response.status !== 200) { failed(response); return; }
          var q = response.body;
          state.quote = answers;
          state.estimate = q;
          say('A rough estimate: ' + q.price + ', ' + q.duration + '.', 'bot', [
            el('p', { 'class': 'sda-head', text: 'It assumes:' }), list(q.assumptions),
            el('p', { 'class': 'sda-note', text: 'This is an estimate, not an offer or a promise.' })]);
          menu('What next?');
        }, failed);
      });
    }

    function summary() {
      var parts = ['I used your stack assistant.'];
      if (state.recommendation) { parts.push('Recommended: ' + state.recommendation.summary + '.'); }
      if (state.estimate) { parts.push('Estimate: ' + state.estimate.summary + '.'); }
      return parts.join(' ');
    }

    function field(label, control, id, hint) {
      control.id = id;
      var error = el('p', { 'class': 'sda-error', id: id + '-error' });
      control.setAttribute('aria-describedby', id + '-error');
      return el('div', { 'class': 'sda-field' }, [el('label', { 'for': id, text: label }), hint || null, control, error]);
    }

    function select(name, choices, value) {
      return el('select', { name: name }, choices.map(function (c) {
        return el('option', { value: c.value, selected: c.value === value, text: c.label });
      }));
    }

    function schedule() {
      say('Schedule a call', 'you');
      say('Tell us how to reach you. We filled in what you told me; change anything you like.');
      var id = 'sda' + n + '-';
      var leaning = state.recommendation ? state.recommendation.recommended.leaning : 'NOT_SURE';
      var inputs = {
        firstName: el('input', { name: 'firstName', autocomplete: 'given-name', required: true, maxlength: 100 }),
        lastName: el('input', { name: 'lastName', autocomplete: 'family-name', required: true, maxlength: 100 }),
        email: el('input', { name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: 254 }),
        company: el('input', { name: 'company', autocomplete: 'organization', maxlength: 200 }),
        stack: select('stack', config.leanings, leaning),
        contactMethod: select('contactMethod', config.contactMethods, 'VIDEO_CALL'),
        message: el('textarea', { name: 'message', rows: 4, required: true, maxlength: 4000 }),
        consent: el('input', { name: 'consent', type: 'checkbox', required: true })
      };
      inputs.message.value = summary();
      var website = el('input', { name: 'website', tabindex: '-1', autocomplete: 'off', 'aria-hidden': 'true' });
      var consentError = el('p', { 'class': 'sda-error', id: id + 'consent-error' });
      inputs.consent.id = id + 'consent';
      inputs.consent.setAttribute('aria-describedby', id + 'consent-error');
      var formError = el('p', { 'class': 'sda-error', role: 'alert' });
      var send = el('button', { type: 'submit', 'class': 'sda-primary', text: 'Request my call' });
      var startedAt = Date.now();
      var form = el('form', { 'class': 'sda-form', novalidate: true }, [
        field('First name', inputs.firstName, id + 'firstName'),
        field('Last name', inputs.lastName, id + 'lastName'),
        field('Email', inputs.email, id + 'email'),
        field('Company (optional)', inputs.company, id + 'company'),
        field('Stack you lean toward', inputs.stack, id + 'stack',
          state.recommendation ? el('p', { 'class': 'sda-hint', text: 'Our recommendation, unless you choose otherwise' }) : null),
        field('How should we contact you?', inputs.contactMethod, id + 'contactMethod'),
        field('What would you like to discuss?', inputs.message, id + 'message'),
        el('div', { 'class': 'sda-field sda-consent' }, [inputs.consent, el('label', { 'for': id + 'consent', text: config.consentText }), consentError]),
        el('div', { 'class': 'sda-hp', 'aria-hidden': 'true' }, [el('label', { text: 'Leave this field empty' }, [website])]),
        formError, send]);
      form.addEventListener('input', start);
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        send.disabled = true;
        formError.textContent = '';
        form.querySelectorAll('[aria-invalid]').forEach(function (f) { f.removeAttribute('aria-invalid'); });
        form.querySelectorAll('.sda-error').forEach(function (e) { if (e !== formError) { e.textContent = ''; } });
        var lead = {
          kind: 'CONSULTATION', form: FORM, consent: inputs.consent.checked ? 'true' : 'false', website: website.value || null,
          startedAt: startedAt, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          utmSource: param('utm_source'), utmMedium: param('utm_medium'), utmCampaign: param('utm_campaign'),
          utmTerm: param('utm_term'), utmContent: param('utm_content'), referrer: document.referrer || null,
          landingPage: window.location.pathname + window.location.search,
          assistant: { explore: state.explore, quote: state.quote }
        };
        ['firstName', 'lastName', 'email', 'company', 'stack', 'contactMethod', 'message'].forEach(function (name) {
          lead[name] = inputs[name].value;
        });
        api('/api/leads', lead).then(function (response) {
          send.disabled = false;
          if (response.status === 201) {
            controls.textContent = '';
            say('Thank you! Your request is in; your reference is ' + response.body.reference + '. We sent a confirmation to '
              + inputs.email.value + ' and will contact you ' + config.responsePromise + '.');
            controls.appendChild(buttons([{ label: 'Start over', run: restart }]));
            return;
          }
          if (response.status === 400 && response.body.errors) {
            var first = null;
            response.body.errors.forEach(function (e) {
              var input = inputs[e.field];
              var target = input ? document.getElementById(input.id + '-error') : null;
              if (target) { target.textContent = e.message; input.setAttribute('aria-invalid', 'true'); first = first || input; } else { formError.textContent = e.message; }
            });
            formError.textContent = formError.textContent || 'Please correct the marked fields.';
            if (first) { first.focus(); }
            return;
          }
          formError.textContent = response.status === 429
            ? 'You have sent several requests in a short time. Please try again in a few minutes.'
            : 'Sorry, we could not save your request just now. Please try again in a minute.';
        }, function () {
          send.disabled = false;
          formError.textContent = 'Sorry, we could not reach our server. Please try again in a minute.';
        });
      });
      show([form]);
    }

    function menu(prompt) {
      if (prompt) { say(prompt); }
      var choices = [];
      if (!state.recommendation) { choices.push({ label: 'Which backend stack fits us?', run: explore }); }
      if (!state.estimate) { choices.push({ label: 'Get a quote', run: quote }); }
      choices.push({ label: 'Schedule a call', run: schedule });
      if (state.recommendation || state.estimate) { choices.push({ label: 'Start over', run: restart }); }
      show([buttons(choices)]);
    }

    function restart() {
      state.explore = state.quote = state.recommendation = state.estimate = null;
      say('Start over', 'you');
      menu('What would you like to do?');
    }

    self.begin = function () {
      say('Hi! I can help you choose a backend stack, estimate a project, or set up a call with our engineers.');
      menu();
      beacon('view');
    };
  }

  function boot() {
    var roots = document.querySelectorAll('[data-stackdesk-assistant]');
    if (!roots.length) { return; }
    stylesheet();
    api('/api/assistant/questions').then(function (response) {
      if (response.status !== 200) { throw new Error('status ' + response.status); }
      Array.prototype.forEach.call(roots, function (root, i) { new Assistant(root, response.body, i).begin(); });
    }).catch(function () {
      Array.prototype.forEach.call(roots, function (root) {
        root.textContent = 'The stack assistant is not available just now.';
      });
    });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', boot); } else { boot(); }
})();
