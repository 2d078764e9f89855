/**
 * The stack assistant: a guided conversation on the consultancy's site that recommends a backend
 * stack from the rules in {@code config/assistant-rules.yml}, estimates a project from the rate
 * card in {@code config/rate-card.yml}, and hands over to a consultation request that carries both.
 * The rules are evaluated here, behind a small public JSON API ({@code /api/assistant/*}); the
 * script {@code /embed/assistant.js} only asks and shows. {@link
 * com.stackdesk.assistant.StackAssistant} also tells the intake what to store with a lead.
 */
@NullMarked
package com.stackdesk.assistant;

import org.jspecify.annotations.NullMarked;
