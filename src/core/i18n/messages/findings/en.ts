import type { Catalog } from '../../translate.js';

/**
 * What the lint says about a ticket: each rule's findings and hints (src/core/rules). Plain text:
 * every value is the ticket's own words, escaped by the renderer of the target format. A hint's
 * examples (story forms, labels) are the ones a story of that language is read with.
 */
export const en = {
  /** A quotation of the ticket's words inside a sentence (a list of goals). */
  quoted: '"{text}"',
  /** Who a finding is about when the ticket has no story to name the role. */
  customer: 'customer',

  'form.user': '"As a <who exactly>, I want <what>, so that <why it matters to them>"',
  'form.job': '"When <the moment it happens>, I want <what>, so I can <the outcome you expect>"',

  'storyFormat.jobStory': 'This is a job story ("When …"), and this project writes user stories.',
  'storyFormat.jobStory.hint': 'Rewrite it as {form}: who is in the situation "{situation}"?',
  'storyFormat.userStory': 'This is a user story ("As a …"), and this project writes job stories.',
  'storyFormat.userStory.hint': 'Rewrite it as {form}: when does the {role} need "{goal}"?',
  'storyFormat.slot.role': 'the role',
  'storyFormat.slot.goal': 'the goal',
  'storyFormat.slot.benefit': 'the benefit',
  'storyFormat.template': 'The story template is not filled in: {slots} {count, plural, one {is a placeholder} other {are placeholders}}.',
  'storyFormat.template.hintGoal': 'Say what the {role} wants instead of the placeholder: "As a {role}, I want <what>, so that <why it matters to them>"{about}',
  'storyFormat.template.hintRole': 'Replace the role placeholder with who exactly needs this: "As a <who exactly>, I want {goal}, so that <why it matters to them>".',
  'storyFormat.template.hintAll': 'Fill in the template with this ticket\'s own words: "As a <who exactly>, I want <what>, so that <why it matters to them>"{about}',
  'storyFormat.noStory': 'No user story found: the ticket does not say who it is for and what they want.',
  'storyFormat.noStory.hint': 'Start the description with {form}{about}',
  /** Ends a hint that quotes the form: the ticket's summary turned into the question the story answers. */
  'storyFormat.whoNeeds': ': who needs "{summary}", and why?',
  'storyFormat.whenNeeded': ': when is "{summary}" needed, and why?',

  'customerValue.restates': 'The benefit "{benefit}" only restates the goal: it does not say what the {role} gains by it.',
  'customerValue.restates.hint': 'Say what "{goal}" lets the {role} do next, or stop worrying about.',
  'customerValue.system': 'The benefit "{benefit}" is about the {subject}, not the {role}: it does not say what the {role} gains.',
  'customerValue.system.hint': 'Say what the {role} notices once "{goal}" is done: what they can do, or stop worrying about.',
  'customerValue.labelledPlaceholder': 'The benefit "{benefit}" is a placeholder: it does not say what the customer gains.',
  'customerValue.none': 'No benefit stated: the ticket does not say why this matters to the customer.',
  'customerValue.templateBenefit': 'The story template is not filled in: its benefit is a placeholder.',
  'customerValue.templateBenefitNamed': 'The story template is not filled in: its benefit "{placeholder}" is a placeholder.',
  'customerValue.none.hint': 'End the story with "so that <what the customer gains>".',
  'customerValue.placeholder': 'The benefit "{placeholder}" is a placeholder: it does not say what the {role} gains.',
  'customerValue.placeholder.hint': 'Replace "{placeholder}" with what "{goal}" lets the {role} do or stop worrying about.',
  'customerValue.emptyClause': 'The benefit clause is empty: it does not say what the {role} gains.',
  'customerValue.emptyClause.hint': 'Finish the clause with what "{goal}" lets the {role} do or stop worrying about.',
  'customerValue.job': 'The job story says when and what, but not why: no "so I can …" outcome.',
  'customerValue.job.hint': 'After "{goal}", add ", so I can <what this lets you do or stop worrying about>".',
  'customerValue.user': 'The story says who ({role}) and what, but not why: no "so that …" benefit.',
  'customerValue.user.hint': 'After "{goal}", add ", so that <what this lets the {role} do or stop worrying about>".',

  'customerBenefit.internal': 'How does this reach the customer? The {role} is an internal role, and the ticket does not say how the end customer is affected.',
  'customerBenefit.internal.hint': 'Add a "{label}:" line saying what customers notice once "{goal}" is done, or name the customer persona it serves.',
  'customerBenefit.business': 'This benefit is for the business. What does the {role} get from it?',
  'customerBenefit.business.hint': 'Say what "{goal}" gives the {role}: time saved, a worry gone, a task done ("so that I …, and we …" keeps the business gain beside it), or add a "{label}:" line.',

  'specificPersona.situation': 'The situation "{situation}" is generic: it names no moment, context or trigger.',
  'specificPersona.situation.hint': 'Say when exactly this happens, e.g. "When I\'m re-ordering supplies at the end of a night shift, I want …".',
  'specificPersona.role': '"{role}" is a generic role, not a persona.',
  'specificPersona.catalogue.hint': 'Name the persona: "As a {persona}, …".',
  'specificPersona.catalogue.hintDescribed': 'Name the persona: "As a {persona}, …" ({description}).',
  /** {example} comes with its article in English ("a night-shift nurse"), bare in the other languages. */
  'specificPersona.example.hint': 'Who exactly is the {role}? Say it, e.g. "As {example}, …".',
  'epic.persona': 'The epic {key}\'s persona is "{persona}": is this story for them?',
  'epic.metric': 'The epic {key} is measured by "{metric}": does this story move it?',

  'customerMetric.noTarget': 'Names a customer metric ({metric}) but no target.',
  'customerMetric.none': 'No customer metric: nothing says how we will know this worked for the {role}.',
  'customerMetric.named.hint': 'Say by how much and by when, e.g. "{example}".',
  'customerMetric.namedInStage.hint': 'This story is in the {stage} stage of the journey, measured by {kpis}: say by how much and by when, e.g. "{example}".',
  'customerMetric.none.hint': 'Add a success line with a customer metric and a target, e.g. "Success: {example}".',
  'customerMetric.noneInStage.hint': 'This story is in the {stage} stage of the journey, measured by {kpis}: add a success line with one of them and a target, e.g. "Success: {example}".',

  'visualEvidence.none': 'Nothing shows what the customer will see: no screenshot, wireframe, design link or recording.',
  'visualEvidence.noneButFiles': 'Nothing shows what the customer will see: no screenshot, wireframe, design link or recording ({files} {count, plural, one {is} other {are}} not a picture of it).',
  'visualEvidence.hint': 'Attach a screenshot or wireframe, or link the design (Figma, Miro, Sketch…) or a screen recording (Loom) of the flow.',

  'customerEvidence.none': 'Nothing shows where the need came from: no support ticket, interview, survey or analytics link.',
  'customerEvidence.hint': 'Where did we hear this? Link the support tickets, interview notes or analytics that show the {role} needs it.',

  'acceptanceCriteria.none': 'No acceptance criteria: nothing says when this story is done.',
  'acceptanceCriteria.hint': 'Add an "Acceptance criteria" section, e.g. "Given <situation>, when the {role} <does something>, then they see <result>".',

  'singleGoal.many': 'The story asks for {count, plural, one {# thing} other {# things}} at once: {goals}.',
  'singleGoal.hint': 'Split it into one ticket per goal ({goals}), each with its own "so that".',

  'workingBackwards.missing': 'The epic does not answer {missing} of the {total} customer questions: {questions}.',
  'workingBackwards.question.customer': 'who the customer is',
  'workingBackwards.question.problem': 'what problem or opportunity',
  'workingBackwards.question.benefit': 'the most important benefit',
  'workingBackwards.question.metric': 'how we will know',
  'workingBackwards.question.experience': 'what the experience looks like',
  'workingBackwards.prfaq': 'Or link the epic\'s PR/FAQ (Confluence or Google Docs) on a "PR/FAQ:" line.',
  'workingBackwards.customer.hint': 'Say who the customer is, e.g. "Customer: {example}".',
  'workingBackwards.problem.hint': 'Say what problem or opportunity this is for the {who}, e.g. "Problem: <what gets in their way today>".',
  'workingBackwards.benefit.hint': 'Name the most important benefit for the {who}, e.g. "Benefit: <what they get>".',
  'workingBackwards.metric.hint': 'Add a success metric with a target, e.g. "Success metric: {example}".',
  'workingBackwards.experience.hint': 'Show what the experience looks like: link the design or a prototype (Figma, Miro…), attach a wireframe, or add "Experience: <what the {who} will see and do>".',
} as const satisfies Catalog;
