# thidua-bot — English.
# Conventions: keys "feature-thing"; only <b>, <i>, <u>, <code> tags (Telegram HTML);
# channels without HTML (console, Zalo) drop the tags. Dynamic values are always escaped.

## General
welcome =
    <b>Hello!</b> This is the emulation and commendation assistant of { $commune }.
    I explain the criteria for selecting exemplars, each unit's targets and the plan's timeline.
help-title = <b>Commands:</b>
help-line = /{ $command } ({ $aliases }) — { $description }
help-line-plain = /{ $command } — { $description }
help-free-text = Or type a question, e.g. <i>health criteria</i>, <i>doanh nghiep</i>, <i>gia đình nghèo vượt khó</i> (with or without diacritics).
unknown-command = I don't know the command /{ $command }.
unknown-command-hint = Try /criteria, /targets, /timeline, /gooddeed — or /help for every command.
empty-input = Please type a question or a command.
action-expired = This button is out of date. Please type the command again.
input-unsupported = I can only read text messages for now. Please type your question.
input-too-long = That message is too long (at most { $max } characters). Please make it shorter.
input-unreadable = I can't read this content. Please type it again as plain text.
error-internal = Sorry, something went wrong. Please try again in a few minutes.
error-busy = The system is busy (the database is being backed up or maintained); your request was not completed. Please send it again in about a minute.
small-talk-thanks = You're welcome! Whenever you need, type a question (e.g. <i>health criteria</i>) or /help for the commands.

## Commands (menu)
cmd-start = Start, introduction
cmd-tieuchi = Criteria for selecting exemplars
cmd-chitieu = Each unit's targets
cmd-moc = Phases and milestones
cmd-lang = Change language (Tiếng Việt / English)
cmd-help = How to use the bot
cmd-guong = Recognised exemplars
cmd-dangky = Register an exemplar (officers)
cmd-hoso = Your unit's nominations, search by name
cmd-duyet = Review nominations (council members)
cmd-hop = Record a council meeting (council chair, standing office)
cmd-tiendo = Progress against the targets
cmd-moi = Create an invite code for a role (administrators)
cmd-nguoi = People with roles (administrators)
cmd-thamgia = Take a role with an invite code
cmd-tiep = Continue what you started
cmd-huy = Cancel what you started
cmd-nhacnho = Turn reminders and bulletins on or off
cmd-lich = Scheduled sending (administrators)

## Language
lang-choose = Choose a language:
lang-set = Switched to English.
lang-name = { $locale ->
        [en] English
       *[vi] Tiếng Việt
    }

## Subject types
subject-type = { $type ->
        [COLLECTIVE] collective
        [INDIVIDUAL] individual
       *[HOUSEHOLD] household
    }

## Criteria
criteria-list-title = <b>Criteria for selecting exemplars</b>
    { $plan }
criteria-group = { $group ->
        [COLLECTIVE] <b>Collectives</b> (sections { $first } – { $last }):
       *[INDIVIDUAL] <b>Individuals</b> (sections { $first } – { $last }):
    }
criteria-list-item = • { $code }. { $name }
criteria-list-hint = Choose a field to see its criteria, or type a question (e.g. <i>health criteria</i>).
criteria-button = { $code } { $name }
criteria-detail-title = <b>{ $code }. { $name }</b> (section { $section })
criteria-detail-movement = Movement / field: { $movement }{ $inferred ->
        [yes] {" "}(suggested)
       *[no] {""}
    }
criteria-detail-subjects = Applies to: { $types }
criteria-eligibility = Who may be chosen: <i>{ $text }</i>
criteria-scope-title = <b>Only for { $name }</b>{ $count ->
        [0] {""}
        [one] {" "}(1 criterion)
       *[other] {" "}({ $count } criteria)
    }:
criteria-agency-notes-title = <b>Notes to agencies and units</b> (not criteria for judging a nominee):
criteria-agency-note = • <i>{ $text }</i> (section { $section })
criteria-detail-criteria-title = { $scoped ->
        [yes] <b>Criteria for every nominee of this category ({ $count }):</b>
       *[no] <b>Criteria ({ $count }):</b>
    }
criteria-item = { $n }. { $text }{ $cond ->
        [yes] {" "}<i>(applies only as section { $section } says: “{ $condition }”)</i>
       *[no] { $conditional ->
            [yes] {" "}<i>(where it applies)</i>
           *[no] {""}
        }
    }
criteria-general-title = <b>Plus the general criteria</b> (section { $section }):
criteria-general-item = • { $text }
criteria-subjects = <i>Who may be selected (section { $section }): { $text }</i>
criteria-back-to-list = « All fields
criteria-found = { $count ->
        [one] The field that best matches “{ $query }”:
       *[other] { $count } fields match “{ $query }”:
    }
criteria-no-match = I found no field matching “{ $query }”. Please choose from the list below, or try other words (e.g. <i>health</i>, <i>school</i>, <i>poor households</i>).
criteria-unknown-category = This field is no longer in the plan. The current list:

## Targets
targets-none = This plan sets no targets for any unit.
targets-title = <b>Targets for { $start } – { $end }</b> (section { $section }): each responsible unit selects, builds and replicates
targets-row = <b>{ $n }. { $unit }</b> — { $field }
targets-counts = {"   "}→ at least { $counts }
targets-count = { $kind ->
        [collectives] { $count ->
            [one] { $count } collective
           *[other] { $count } collectives
        }
        [individuals] { $count ->
            [one] { $count } individual
           *[other] { $count } individuals
        }
        [households] { $count ->
            [one] { $count } household
           *[other] { $count } households
        }
       *[any] { $count ->
            [one] { $count } exemplar
           *[other] { $count } exemplars
        }
    }
targets-note = {"   "}<i>{ $note }</i>

## Timeline
timeline-title = <b>Phases and milestones</b>
    { $plan }
timeline-phase = { $state ->
        [past] ✔
        [current] ▶
       *[future] ○
    } <b>{ $name }</b>: { $start } – { $end }{ $state ->
        [past] {" "}(done)
        [current] {" "}(in progress)
       *[future] {""}
    }
timeline-phase-summary = {"   "}<i>{ $summary }</i>
timeline-milestone = {"   "}{ $past ->
        [yes] ✔
       *[no] •
    } { $date }: { $title }{ $past ->
        [yes] {" "}(past)
       *[no] {""}
    }
timeline-other = <b>Other milestones</b>
milestone-when = { $precision ->
        [YEAR] in { $date }
        [MONTH] in { $date }
        [OCCASION] on the occasion of { $date }
       *[DAY] { $relation ->
            [BEFORE] before { $date }
           *[ON] on { $date }
        }
    }
milestone-when-actual = { $planned } — set for <b>{ $actual }</b>
timeline-next = <b>Next milestone:</b> { $date } — { $title }
timeline-all-past = <i>Every milestone of this plan has passed.</i>

## Free-text questions (what is asked, short answers, "did you mean" when unsure)
qa-you = you
qa-you-cap = You
qa-clarify = Did you mean one of these? Pick a button, or type your question again more precisely.
qa-label = { $intent ->
        [criteria] { $code ->
            [none] Criteria of a category
           *[other] Criteria { $code } { $name }
        }
        [criteria-list] List of categories and criteria
        [criteria-general] General criteria
        [targets] { $unit ->
            [none] Targets of the units
           *[other] Targets of { $unit }
        }
        [targets-total] The commune's total targets
        [targets-households] Household targets
        [date-deadline] Deadline for the plans
        [date-review] Interim and final reviews
        [date-phase] Phases of the plan
        [date-conference] Conference of Exemplars
        [date-next] Next milestone
        [process-nominate] How to nominate
        [process-review] How nominations are reviewed
        [process-decide] Who decides on awards
        [process-higher] What goes to the higher level
        [process-dossier] What a dossier holds
        [process-deed] How to tell a good deed
        [process-status] Following a nomination, progress
        [exemplars] Recognised exemplars
        [title] Titles and who awards them
        [help] What the bot can do
       *[other] Something else
    }
qa-can-do =
    I can answer about the commune's emulation and commendation plan: each category's criteria (/criteria), each unit's targets (/targets), the timeline (/timeline), how to nominate and how nominations are reviewed, titles and who awards them, and telling a good deed (/gooddeed).
    Just type a question, e.g. <i>health station targets</i>, <i>when is the final review</i>, <i>who awards the Cultured Family title</i>.
qa-ack = All right.
qa-other = That question is outside what I know, so I can't answer it. I have noted it so that the standing office of the commune Emulation and Commendation Council can consider adding it.
qa-criteria-count = <b>Criteria ({ $count })</b>{ $shown ->
        [0] :
       *[other] { $scoped ->
            [yes] , { $shown } for every nominee:
           *[no] , the first { $shown }:
        }
    }
qa-criteria-scope = • For { $name } only: { $count } criteria
qa-criteria-all = All { $count } criteria
qa-criteria-general-button = General criteria (section III.2)
qa-criteria-which = Which category's criteria? Type its field (e.g. <i>health</i>, <i>school</i>, <i>poverty</i>) or see the list.
qa-targets-unit = <b>Targets of { $own ->
        [yes] your unit: { $unit }
       *[other] { $unit }
    }</b> (section { $section }, for the whole period { $start } – { $end }):
qa-targets-row = • { $field }: at least { $counts }
qa-targets-unit-none = • The plan gives this unit no target of its own.
qa-targets-total = The whole commune, { $start } – { $end }: at least { $counts } (the sum of { $rows } targets of { $units } units, section { $section }).
qa-targets-hint = Type a unit's name for its own targets, e.g. <i>health station targets</i>, <i>police targets</i>.
qa-targets-all-button = Targets of every unit
qa-targets-households-title = <b>Household targets</b> (section { $section }, for the whole period { $start } – { $end }):
qa-targets-households-row = • { $unit }: at least { $count } households — { $field }
qa-targets-households-none = The plan sets no household targets.
qa-plan-ended = <i>The { $start } – { $end } plan has ended; the dates below are that plan's.</i>
qa-timeline-button = The whole timeline
qa-phases-title = <b>The { $start } – { $end } plan has { $count } phases:</b>
qa-phase-line = { $state ->
        [past] ✔
        [current] ▶
       *[future] ○
    } <b>{ $name }</b>{ $state ->
        [past] {" "}(ended)
        [current] {" "}(in progress)
       *[future] {""}
    } — section { $section }
qa-date-title = { $topic ->
        [deadline] <b>Deadlines in the plan:</b>
        [review] <b>Interim and final reviews:</b>
       *[conference] <b>Conference:</b>
    }
qa-date-none = { $topic ->
        [deadline] The plan sets no deadline.
        [review] The plan gives no time for reviews.
       *[conference] The plan gives no time for a conference.
    }
qa-date-line = { $past ->
        [yes] ✔
       *[no] •
    } <b>{ $date }</b>: { $title }{ $past ->
        [yes] {" "}(past)
       *[no] {""}
    }
qa-date-next = <b>Next milestone:</b>
qa-date-last = The last milestone:
qa-date-precision-note = <i>The plan gives only { $precision ->
        [YEAR] the year
        [MONTH] the month
        [OCCASION] the occasion
       *[other] a year or an occasion
    }, not a day; the standing office of the commune Emulation and Commendation Council announces the actual date.</i>
qa-process-nominate = { $who ->
        [officer] To nominate an exemplar: type /nominate, choose the category, enter the collective, person or household, the achievements and photos as evidence. Follow your nominations with /mine.
        [staff] Nominations are registered by officers of the unit assigned to advise on the selection (/nominate). You need the unit officer role: ask the standing office of the commune Emulation and Commendation Council for an invite code, then type /join CODE.
       *[other] Nominations are registered by officers of the unit assigned to advise on the selection (/nominate). You can suggest a good person or a good deed with /gooddeed, or contact the standing office of the commune Emulation and Commendation Council.
    }
qa-process-chain = The commune Emulation and Commendation Council reviews and proposes; the chairman of the commune People's Committee decides and awards, or the commune proposes to a higher level.
qa-process-review = Reviewing a nomination: Council members read it (/review) and give their opinion, Agree / Ask for changes / Disagree (with a reason for the last two). A member's opinion is advice; the Council's result is recorded in the minutes of its meeting. The person who nominated follows the result with /mine.
qa-process-decide = The commune Emulation and Commendation Council <b>advises and proposes</b> (section IV.5 of the plan); <b>the chairman of the commune People's Committee decides</b> and awards (Law on Emulation and Commendation 2022, Art. 80(3): the certificate of merit, the titles “Advanced Worker” and “Cultured Family”). For anything beyond the commune's authority, the commune sends a proposal (…/TTr-UBND) to the higher level.
qa-process-higher = Titles and forms the commune proposes to a higher level (per the current authority table), by a proposal letter (…/TTr-UBND); a proposal has no decision number of its own, the higher level decides:
qa-award-line = • { $name } — { $authority ->
        [COMMUNE] awarded by the commune chairman
       *[HIGHER] proposed to a higher level
    }{ $verified ->
        [no] {" "}(not verified)
       *[yes] {""}
    }
qa-award-verify-note = <i>Since 1 Jul 2025 there is no district level; who now awards the former district titles is not verified (Decree 152/2025/NĐ-CP). Rows marked “not verified” need checking against the current texts by the standing office.</i>
qa-process-dossier =
    A commune-level certificate of merit dossier usually holds (not verified): a proposal letter with the list; an achievement report; the minutes of the review meeting.
    For “Cultured Family” (Decree 86/2023/NĐ-CP, not verified): a proposal letter; a summary list of the households meeting the standard with the results of the public consultation; the minutes of the assessment meeting.
    In the bot, officers record achievements and photos as evidence when nominating (/nominate).
qa-process-deed = To tell a good deed: type /gooddeed and follow the steps. Once moderated, it may be presented on the commune radio (the “Việc tốt quanh ta” segment). Recent good deeds: /recentdeeds.
qa-process-status = A unit's nominations: /mine (officers, Council members). Progress on targets: /progress. Good deeds you sent: you are told the result once they are moderated.
qa-exemplars = Recognised exemplars: type /exemplars.
qa-title-name = <b>{ $name }</b> ({ $kind ->
        [title] emulation title
        [form] form of commendation
       *[other] commendation
    })
qa-title-subject = For: { $subject ->
        [HOUSEHOLD] households
        [INDIVIDUAL] individuals
        [COLLECTIVE] collectives
       *[ANY] collectives and individuals
    }
qa-title-authority = Authority: { $authority ->
        [COMMUNE] the commune chairman decides and awards it
       *[HIGHER] the commune proposes it to a higher level
    }{ $inForce ->
        [no] {" "}(the table's latest row, no longer in force)
       *[yes] {""}
    }
qa-title-basis = Basis: { $basis }
qa-title-unverified = ⚠ The part marked ⚠ is <b>not verified</b>; the Council's standing office should check it against the current texts.
qa-title-procedure-gdvh = Procedure (Decree 86/2023/NĐ-CP, not verified): every year the village meeting assesses each household → the list is posted publicly for 10 days for comments → a dossier → the commune chairman decides within 10 days.
qa-title-procedure-thon = Procedure per Decree 86/2023/NĐ-CP (not verified): the village assesses itself, residents are consulted, the commune proposes it to the competent authority.
qa-title-not-in-plan = <i>{ $plan } does not set the standard for this title or form; it comes from the 2022 Law on Emulation and Commendation and its guiding texts.</i>
qa-title-table = <b>Titles, forms of commendation and who awards them</b> (per the current authority table):
qa-title-unlisted = That title or form is not in the bot's authority table, so I can't answer it. The table holds:
qa-unanswered-title = <b>Questions the bot could not answer</b> (last { $days } days, most asked first):
qa-unanswered-item = { $n }. “{ $text }” — { $count } times, last { $last }; offered: { $offered }
qa-unanswered-none = No unanswered questions in the last { $days } days.
qa-offered-none = nothing
cmd-cauhoi = Questions the bot could not answer (administrators)

## Console channel
console-welcome = Chat with the bot right here (type /help for commands, Ctrl+D to quit).
console-telegram-hint = To use it on Telegram: set TELEGRAM_BOT_TOKEN (from @BotFather) and run npm start again.
console-choices = Choose by typing a number:
console-choice = {"  "}[{ $n }] { $label }

## Permissions
access-denied = { $audience ->
        [officer] This is for officers of a responsible unit. If you are one, ask the commune office (Office and Statistics) for an invite code and type /join CODE.
        [council] This is for members of the Emulation and Commendation Council.
        [chair] This is for the chair of the commune Emulation and Commendation Council or its standing office.
        [admin] This is for administrators (the commune office, Office and Statistics).
       *[staff] This is for officers, council members and administrators.
    }
plain = { $text }
# The same text in each language, chosen by the reader's locale (e.g. a unit's name in a notice queued for several people).
localized = { $en }
attachment-outside-dialog = I received the file, but no nomination is open to attach it to. Type /nominate to register an exemplar.
role-name = { $role ->
        [OFFICER] Unit officer
        [COUNCIL] Council member
        [CHAIR] Council chair
       *[ADMIN] Administrator
    }
role-unit = {" "}— { $unit }

## Multi-step dialogs
dialog-back = « Back
dialog-cancel = ✖ Cancel
dialog-cancelled = Cancelled. Nothing was saved.
dialog-stale-button = That button belongs to an earlier step. You are here:
dialog-expired = What you had started was left for over 24 hours and has been cancelled.
dialog-expired-notice = { $kind ->
        [register] The registration you started was left for over 24 hours and has been cancelled. Type /nominate to start again.
       *[other] What you had started was left for over 24 hours and has been cancelled.
    }
dialog-nothing-to-cancel = Nothing in progress to cancel.
dialog-nothing-to-continue = Nothing in progress.
dialog-pending = <i>You have something in progress: type /continue to go on or /cancel to drop it.</i>

## Subject types, states
subject-type-title = { $type ->
        [COLLECTIVE] Collective
        [INDIVIDUAL] Individual
       *[HOUSEHOLD] Household
    }
nomination-state = { $state ->
        [DRAFT] draft
        [SUBMITTED] under council review
        [RETURNED] changes asked
        [PROPOSED] proposed by the council, awaiting the commune chairman's decision
        [PROPOSED_HIGHER] proposed to the higher level, awaiting its answer
        [APPROVED] recognised by decision
        [WITHDRAWN] withdrawn by the unit
       *[REJECTED] not proposed
    }
nomination-action = { $action ->
        [CREATE] created
        [SUBMIT] sent to the council
        [RESUBMIT] completed and sent again (round { $round })
        [VOTE] voted “{ vote-decision }” (round { $round })
        [VOTE_CHANGE] changed their vote to “{ vote-decision }” (round { $round })
        [PROPOSE] the council agreed to propose it (round { $round })
        [RETURN] the council asked for changes (round { $round })
        [REJECT] the council did not propose it (round { $round })
        [NEW_ROUND] the council chair opened round { $round }
        [WITHDRAW] withdrawn by the unit
        [DECIDE] the commune chairman decided to recognise it (no. { $detail })
        [DECLINE] the commune chairman did not recognise it
        [PROPOSE_HIGHER] proposed to the higher level (submission no. { $detail })
        [HIGHER_AWARD] the higher level decided (no. { $detail })
        [HIGHER_REFUSE] the higher level did not agree (submission no. { $detail })
        [APPROVE] the council proposed it
        [ANNOTATE] note
        [COMMEND] commended
       *[other] { $action }
    }
vote-decision = { $decision ->
        [AGREE] Agree
        [ASK_CHANGES] Ask for changes
        [DISAGREE] Disagree
        [APPROVE] Agree
        [RETURN] Ask for changes
       *[REJECT] Disagree
    }
note-kind = { $kind ->
        [NURTURE] nurturing note
        [REPLICATE] replication activity
       *[NOTE] note
    }

## Registering an exemplar
register-ask-unit = Which unit are you registering for?
register-ask-type = <b>Register an exemplar</b> — step 1: is the nominee a collective, an individual or a household?
register-ask-category = Choose the field that fits the { $type }:
register-ask-movement = Which emulation movement does it belong to?
register-movement-suggested = ✓ { $text }{ $inferred ->
        [no] {" "}(named in the plan)
       *[yes] {" "}(suggested)
    }
register-ask-profile = Category { $code } has different criteria for each kind of nominee. Which one is being nominated?
register-profile-item = • <b>{ $name }</b>: <i>{ $eligibility }</i>
register-choice-current = ✓ { $text }
register-movement-none = No particular movement
register-ask-name = Type the name of the { $type } (e.g. Commune health station, Nguyễn Văn A, Mr Rơ Mah B's household):
register-ask-place = Village or organisation where the { $type } lives or works:
register-ask-ach = Summarise the outstanding achievements (a few sentences: what was done, with what result):
register-current = Now: <i>{ $value }</i>
register-keep = Keep it
register-too-short = That answer is too short (at least { $min } characters). Please type it again.
register-too-long = That answer is too long ({ $length } characters, at most { $max }). Please shorten it.
register-need-letters = The answer needs some letters. Please type it again.
register-choose-button = Please choose one of the buttons below.
register-text-expected = Please type text at this step.
register-ask-evidence = Send photos or documents as evidence (several allowed, at most { $max }), or type a note about the evidence (e.g. paper original kept at the commune People's Committee), then tap “Done”. If there are none, tap “Skip”.
register-evidence-count = { $count ->
        [one] { $count } evidence file so far.
       *[other] { $count } evidence files so far.
    }
register-evidence-done = Done ({ $count ->
        [one] { $count } file
       *[other] { $count } files
    })
register-evidence-skip = Skip
register-evidence-expected = At this step, send a photo or a file or type a note about the evidence, then tap “Done”.
register-evidence-received = Received. { $count ->
        [one] { $count } evidence file
       *[other] { $count } evidence files
    } in all.
register-evidence-note-received = Written evidence noted. { $count } pieces of evidence in all.
nomination-evidence-note = Evidence (note): { $text }
register-evidence-limit = A nomination holds at most { $max } evidence files; the rest were not kept.
register-ask-check = <b>Criteria self-check</b> (section { $code }), only the criteria that apply to this nominee: tap a number to mark a criterion as met, then tap “Done”.{ $conditional ->
        [yes] {" "}A criterion marked “where it applies”: tap again to mark it “not applicable” (not counted).
       *[no] {""}
    }
register-check-item = { $met ->
        [yes] ☑
        [na] ⊘
       *[no] ☐
    } { $n }. { $text }{ $met ->
        [na] {" "}<i>(not applicable)</i>
       *[other] { $cond ->
            [yes] {" "}<i>(applies only as section { $section } says: “{ $condition }”)</i>
           *[no] { $conditional ->
                [yes] {" "}<i>(where it applies)</i>
               *[no] {""}
            }
        }
    }
register-check-toggle = { $met ->
        [yes] ☑
        [na] ⊘
       *[no] ☐
    } { $n }
register-check-all = All met
register-check-done = Done
register-unmet-title = { $count } of { $total } criteria are not met yet:
register-unmet-hint = You can go back and mark them, or go on anyway: the council will consider it.
register-continue = Continue
register-summary-title = <b>Check the nomination before sending:</b>
register-summary-edit-hint = <i>To change an item, tap its “Change …” button; everything else is kept and you come back to this check.</i>
register-edit = ✏️ Change { $field ->
        [unit] proposing unit
        [type] subject type
        [cat] field
        [prof] nominee group
        [mov] movement / field
        [name] name
        [place] place
        [ach] achievements
        [evid] evidence
       *[check] self-check
    }
register-submit = ✅ Submit
register-resubmit = ✅ Resubmit
register-duplicate-title = This plan already has { $count ->
        [one] { $count } nomination
       *[other] { $count } nominations
    } with the same name:
register-duplicate-item = • #{ $id } { $name } — section { $category } — { $unit } — { $state }
register-duplicate-hint = If this is a different person or collective, or a different achievement, you can still submit.
register-duplicate-confirm = Submit anyway
register-submitted = Nomination #{ $id } ({ $name }) submitted. The Emulation and Commendation Council will review it and you will be told the outcome. See it with /mine.
register-resubmitted = Nomination #{ $id } ({ $name }) resubmitted for the council's review.

## Nominations
nomination-field-name = Name: <b>{ $name }</b> ({ $type })
nomination-field-category = Field: { $code }. { $name }
nomination-field-movement = Movement / field: { $movement }
nomination-field-unit = Proposing unit: { $unit }
nomination-field-place = Lives or works at: { $place }
nomination-field-achievements = Achievements: { $text }
nomination-field-check = Self-check: { $met }/{ $total } applicable criteria met{ $na ->
        [0] {""}
       *[other] {" "}({ $na } not applicable)
    }
nomination-field-profile = Nominee: { $profile }
nomination-field-evidence = Evidence: { $count ->
        [one] { $count } file
       *[other] { $count } files
    }
nomination-title = <b>Nomination #{ $id } — { $name }</b> ({ $state })
nomination-check-title = <b>Criteria (self-check):</b>
nomination-history-title = <b>History:</b>
nomination-history-item = • { $at } — { $actor }: { $action } ({ $from } → { $to }){ $reason }
nomination-history-same = • { $at } — { $actor }: { $action } ({ $to }){ $reason }
nomination-history-reason = . Reason: { $reason }
nomination-commendations-title = <b>Decisions and submissions:</b>
nomination-notes-title = <b>Nurturing, replication, notes:</b>
nomination-note-item = • { $at } — { $kind }: { $text }
nomination-open = Open the nomination
nomination-edit = ✏️ Edit and resubmit
nomination-add-nurture = Add a nurturing note
nomination-add-replicate = Add a replication activity
nomination-add-note = Add a note
nomination-not-found = That nomination was not found.
nomination-not-editable = The nomination is “{ $state }”, so it can't be edited; you can only add notes.
exemplar-title = <b>{ $name }</b> ({ $type })
exemplar-recognised = Recognised as an exemplar on { $date }

## Review
review-open = Review nominations
review-empty = Nothing is waiting for your vote. Thank you!
review-queue = { $count ->
        [one] 1 nomination is waiting for your vote (oldest first). A member's vote is advice; the commune chairman decides.
       *[other] { $count } nominations are waiting for your vote (oldest first). A member's vote is advice; the commune chairman decides.
    }
review-next = ⏭ Another one
review-ask-reason = You chose “{ vote-decision }” for nomination #{ $id }. Type the reason (required; the proposing unit will see it):
review-recorded = Your vote “{ vote-decision }” on nomination #{ $id } is recorded (round { $round }).
review-decided = <b>The council's result:</b> nomination #{ $id } ({ $name }) — { $outcome ->
        [PROPOSE] the council agreed to propose it to the commune chairman for decision.
        [RETURN] the council asks the unit for changes.
       *[REJECT] the council does not propose it this time.
    } The proposing unit has been told.
review-error = { $code ->
        [already-voted] You have already voted on this nomination in this round.
        [not-open-for-vote] This nomination is no longer under review (it has a result or is being completed).
        [stale-round] This review round has ended.
        [own-nomination] You proposed this nomination, so you do not vote on it.
        [reason-required] A reason is needed.
        [not-proposed] Only a nomination the council proposed can get a decision or a submission.
        [not-proposed-higher] This nomination has no submission awaiting the higher level's answer.
        [not-approved] Only an exemplar recognised by decision can have this.
        [already-commended] This achievement is already rewarded or proposed.
        [illegal-transition] The nomination changed state, so this cannot be done.
        [not-found] Nomination not found.
       *[other] Could not do that ({ $code }).
    }
notice-new-nomination = 📥 New nomination for the council: #{ $id } { $name } — { $unit }, category { $category }. Type /review to vote.
notice-resubmitted-nomination = 📥 Nomination completed and sent again to the council: #{ $id } { $name } — { $unit }, category { $category }. Type /review to vote.
notice-returned =
    ↩ Nomination #{ $id } ({ $name }): the commune Emulation and Commendation Council asks for changes. Comments: { $reason }
    Tap the button below (or /mine) to edit and send it again.
notice-rejected =
    Thank you for nominating { $name } (nomination #{ $id }). This time the commune Emulation and Commendation Council has not proposed it as an exemplar.
    The council acknowledges what was done (self-check: { $met }/{ $total } criteria met): { $achievements }
    The council's comments: { $reason }
    We hope the unit keeps nurturing it and proposes it again at the next review.

## Lists
list-prev = « Previous
list-next = Next »
mine-empty = Your unit has no nominations yet. Type /nominate to register an exemplar.
mine-none-matching = No nomination has a name matching “{ $query }”.
mine-title = <b>Nominations</b> ({ $from }–{ $to } of { $total }):
mine-item = #{ $id } { $name } — section { $category } — { $state } — { $date }
mine-open = #{ $id } { $name }
mine-search-hint = <i>Search by name: /mine words (no diacritics needed).</i>
earlier-plans-open = 📂 Nominations of earlier plans
earlier-plans-empty = No nomination of an earlier plan.
earlier-plans-title = <b>Nominations of earlier plans</b> ({ $from }–{ $to } / { $total }), read only:
exemplars-empty = No exemplar has been recognised yet.
exemplars-none-matching = No exemplar has a name matching “{ $query }”.
exemplars-title = <b>Exemplars of { $commune }</b> ({ $total }):
exemplars-item = • <b>{ $name }</b> ({ $type }, { $place }) — section { $category } — recognised { $date }
exemplars-open = { $name }

## Commendation, notes
commend-number-invalid = A document number needs 3 to 60 characters.
commend-date-invalid = That date is not right. Type day/month/year, e.g. 15/11/2025.
commend-date-future = A document date can't be in the future.
commend-override-ask = This nominee was already rewarded (or proposed) in the same year, or this nomination already was. One achievement is not rewarded several times or in several forms (Law on Emulation and Commendation, Art. 6). If this is a different achievement, type why:
note-ask = Type the { $kind } for nomination #{ $id }:
note-saved = Saved the { $kind } for nomination #{ $id }.

## Progress
progress-title = <b>Progress against the targets</b> (as of { $today }): { $met }/{ $total } targets met
progress-mine = <b>Your unit:</b>
progress-others = <b>Other units:</b>
progress-row = { $met ->
        [yes] ✅
       *[no] ⚠️
    } <b>{ $unit }</b> — { $field }
progress-counts = {"   "}{ $counts }
progress-count = { $kind ->
        [collectives] collectives
        [individuals] individuals
        [households] households
       *[any] exemplars
    } { $approved }/{ $target } recognised ({ $submitted } submitted)
progress-phases = {"   "}<i>{ $phases }</i>
progress-phase = { $phase }: { $approved } recognised

## People and roles
join-usage = Type /join with the invite code, e.g. /join ABCD-EFGH
join-ok = You now have the role: <b>{ $role }</b>{ $unit }. Type /help to see what you can do.
invite-choose-role = Create an invite code for the role:
invite-choose-unit = Officer of which unit?
invite-created = Invite code for <b>{ $role }</b>{ $unit }: <code>{ $code }</code>
    The recipient types: /join { $code }
    Single use, expires on { $until }.
people-empty = Nobody has a role yet.
people-title = <b>People with roles</b> ({ $count }):
people-item = • { $name } — { $role }{ $unit }
people-revoke = Revoke: { $name } – { $role }
people-revoke-confirm = Revoke the role { $role } from { $name }?
people-revoke-yes = Yes, revoke
people-revoked = The role { $role } was revoked from { $name }.
people-revoke-gone = That role no longer exists.
people-last-admin = The last administrator can't be revoked.
console-admin-code = There is no administrator yet. Type /join { $code } to become the first one.

## Council weekly digest
digest-title = <b>Weekly digest of the Emulation and Commendation Council</b> ({ $from } – { $to })
digest-new = { $count ->
        [0] <b>New nominations this week:</b> none
       *[other] <b>New nominations this week ({ $count }):</b>
    }
digest-item = • #{ $id } { $name } — { $unit }
digest-council-results = { $count ->
        [0] <b>The council's results this week (its advice):</b> none
       *[other] <b>The council's results this week (its advice, { $count }):</b>
    }
digest-council-result = • #{ $id } { $name } — { $kind ->
        [PROPOSE] proposed by the council to the commune chairman for decision
        [RETURN] the council asks the unit for changes
       *[REJECT] not proposed by the council
    }
digest-chairman-decisions = { $count ->
        [0] <b>Decided by the commune chairman this week:</b> none
       *[other] <b>Decided by the commune chairman this week ({ $count }):</b>
    }
digest-chairman-decision = • #{ $id } { $name } — { $kind ->
        [DECIDE] recognised and awarded (decision no. { $number })
       *[DECLINE] not recognised
    }
digest-higher = <b>Proposals to the higher level this week ({ $count }):</b>
digest-higher-item = • #{ $id } { $name } — { $kind ->
        [PROPOSE_HIGHER] submitted to the higher level (submission no. { $number }), awaiting its answer
        [HIGHER_AWARD] awarded by the higher level (decision no. { $number })
       *[HIGHER_REFUSE] the higher level did not agree; back to the commune chairman
    }
digest-waiting = { $count ->
        [0] <b>Waiting for the council's review:</b> none
       *[other] <b>Waiting for the council's review ({ $count }), oldest first:</b>
    }
digest-waiting-item = • #{ $id } { $name } — { $unit } — waiting { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
digest-progress = <b>Targets:</b> { $met }/{ $total } met
digest-more = {"  "}… and { $count } more
digest-behind = ⚠️ { $unit }: { $counts }
digest-behind-count = { $kind ->
        [collectives] collectives
        [individuals] individuals
        [households] households
       *[any] exemplars
    } { $approved }/{ $target }
digest-deeds = <b>Good deeds:</b> { $received } received, { $published } published
digest-milestones = <b>Next milestones:</b>
digest-no-milestones = <i>The plan has no milestones ahead.</i>
digest-milestone = • { $date }: { $title }
digest-open-progress = See progress

## Reminders
reminder-milestone = ⏰ { $days ->
        [one] { $days } day
       *[other] { $days } days
    } to the milestone of { $date }: { $title }
reminder-open-timeline = See the milestones
reminder-review = ⏰ { $count ->
        [one] { $count } nomination has
       *[other] { $count } nominations have
    } waited for your review for more than { $days ->
        [one] { $days } day
       *[other] { $days } days
    }.
reminder-quota = ⏰ { $days ->
        [one] { $days } day
       *[other] { $days } days
    } until { $event } ({ $date }). { $unit }'s target for the whole period { $start } – { $end } ({ $field }) is not yet met. Type /progress to see.
prefs-title = <b>Reminders and bulletins</b> — tap to turn on/off:
prefs-line = { $on ->
        [yes] 🔔
       *[no] 🔕
    } { $kind }
prefs-toggle = { $on ->
        [yes] 🔔 Turn off:
       *[no] 🔕 Turn on:
    } { $kind }
prefs-kind = { $kind ->
        [reminder-milestone] milestone reminders
        [reminder-review] reminders of nominations waiting for review
        [reminder-quota] reminders of unmet targets
        [reminder-deeds] good deeds waiting for moderation
        [digest] the council's weekly digest
       *[bulletin] the weekly “Good deeds around us” bulletin
    }
schedule-title = <b>Scheduled sending</b> (time zone { $zone }):
schedule-job = • <b>{ $name }</b> (<code>{ $cron }</code>) — next: { $next }
schedule-job-name = { $name ->
        [council-digest] Council weekly digest
        [reminders] Daily reminders
        [bulletin] “Good deeds around us” bulletin
       *[other] { $name }
    }
schedule-last = {"   "}Last { $period }: { $state ->
        [DONE] done
        [FAILED] failed
        [SKIPPED] skipped
       *[RUNNING] running
    } — { $result }
schedule-never = {"   "}Never run yet.

## Good deeds
cmd-viectot = Tell a good deed around us
cmd-viectotmoi = Good deeds published lately
cmd-kiemduyet = Moderate good deeds (officers, administrators)
cmd-bantin = The “Good deeds around us” bulletin (subscribe: /bulletin subscribe)
deed-access-denied = This is for officers of the units and administrators. If you are an officer, ask the commune office (Office and Statistics) for an invite code and type /join CODE.
deed-state = { $state ->
        [NEW] awaiting moderation
        [PUBLISHED] published
        [REJECTED] not published
        [MERGED] merged into another deed
       *[PROMOTED] proposed as an exemplar
    }
deed-intro = <b>Good deeds around us</b> — thank you for telling! Just a few short questions; you can go back or cancel at any time. We don't ask for your phone number.
deed-ask-doer = Step 1/6 — <b>Who</b> did the good deed? Type the name of the person, family or group (if you don't know the name, describe them briefly, e.g. a motorbike-taxi driver at the market).
deed-ask-what = Step 2/6 — <b>What</b> did they do? Tell it in a few sentences (at least 20 characters).
deed-ask-place = { $choices ->
        [0] Step 3/6 — <b>Where</b> did it happen? Type the village or the place.
       *[other] Step 3/6 — <b>Where</b> did it happen? Choose the village below or type the place.
    }
deed-ask-when = Step 4/6 — <b>When</b> did it happen? Choose below or type it (e.g. the morning of 28/11, last week).
deed-when-today = Today
deed-when-yesterday = Yesterday
deed-ask-photo = Step 5/6 — Any photos? Send up to { $max } photos and tap “Done”, or tap “Skip”.
deed-photo-count = { $count ->
        [one] { $count } photo so far.
       *[other] { $count } photos so far.
    }
deed-photo-done = Done ({ $count ->
        [one] { $count } photo
       *[other] { $count } photos
    })
deed-photo-skip = Skip, no photos
deed-photo-expected = At this step, send photos or tap “Done” / “Skip”.
deed-photo-only = Only photos are taken here. Send a picture, or tap “Done” / “Skip”.
deed-photo-received = Received. { $count ->
        [one] { $count } photo
       *[other] { $count } photos
    } in all.
deed-photo-limit = A good deed holds at most { $max } photos; the extra ones were not kept.
deed-ask-credit = Step 6/6 — When the deed is published (the list of good deeds, the commune radio bulletin), should your name be given as the person who told it?
deed-privacy-officers = <i>Whatever you choose, the commune officers know who sent it, so they can check if needed.</i>
deed-credit-yes = Name me: { $name }
deed-credit-no = Don't name me
deed-summary-title = <b>Check before sending:</b>
deed-field-doer = Who did it: <b>{ $name }</b>
deed-field-what = What they did: { $text }
deed-field-place = Where: { $place }
deed-field-when = When: { $when }
deed-field-photos = Photos: { $count }
deed-privacy = { $named ->
        [yes] <b>Who sees what:</b> commune officers see your name ({ $name }), the text and the photos, to check them. Once published, people see the text and your name as the teller; photos stay with the officers. We don't ask for your phone number.
       *[no] <b>Who sees what:</b> commune officers see your name ({ $name }), the text and the photos, to check them. Once published, people see the text only, not your name; photos stay with the officers. We don't ask for your phone number.
    }
deed-send = ✅ Send
deed-similar-title = { $count ->
        [one] { $count } known good deed looks
       *[other] { $count } known good deeds look
    } like yours:
deed-similar-item = • { $ref } — { $doer }, { $place }: { $text }
deed-similar-item-new = • { $ref } — { $doer }, { $place } ({ $when }; awaiting verification by the officers)
deed-similar-hint = If it is the same deed, tap “Add to” to add what you know to it. If it is another deed, tap “Send as new”.
deed-similar-add = ➕ Add to { $ref }
deed-similar-new = It's another deed — send as new
deed-gone = That deed has just been handled, so it can't take additions any more. Choose another one or send yours as new.
deed-added = Thank you! What you told was added to the good deed <b>{ $ref }</b>.
deed-submitted = Thank you! Your good deed was received, reference <b>{ $ref }</b>.
deed-submitted-next = Commune officers will check it before publishing; you'll be told when it is published. See the published deeds: /recentdeeds.
deed-link-refused = Sorry, links are not accepted here (web addresses, t.me, zalo.me…). Please tell it in words.
deed-repeated-refused = The text seems to repeat one word or character many times. Please tell it in a few sentences.
deed-already-sent = You already sent exactly this in the last { $days } days. Thank you; the officers will look at it. If it's another deed, tell it a little differently.
deed-blocked = Sorry, you can't send good deeds through the assistant at the moment. If needed, please contact the commune office (Office and Statistics).
deed-limit = You've sent { $limit } good deeds today — the most per day. Thank you! Please send more tomorrow.
deed-queue-empty = No good deeds are waiting for moderation. Thank you!
deed-queue = { $count ->
        [one] { $count } good deed is
       *[other] { $count } good deeds are
    } waiting for moderation (oldest first):
deed-mod-title = <b>Good deed { $ref }</b> ({ $state }) — sent { $at }
deed-mod-sender = Sent by: { $name } — { $named ->
        [yes] agrees to be named when published
       *[no] does not want to be named when published
    }
deed-mod-additions = <b>Additions ({ $count }):</b>
deed-mod-addition = • { $date } — { $name }: { $text }
deed-mod-similar = <b>Possible duplicates ({ $count }):</b>
deed-correct = ✏️ Correct spelling and diacritics
deed-correct-ask = <b>Correct spelling and diacritics — good deed { $ref }</b> (step { $n }/{ $total }): { $field ->
        [description] what was done
        [doerName] who did it
       *[place] where
    }.
deed-correct-hint = Type it again with correct spelling and diacritics (this text will be published and read on the commune radio), or tap “Keep it”. The sender's original words stay in the record.
deed-correct-current = Now: <code>{ $value }</code>
deed-correct-done = The spelling of good deed { $ref } has been corrected. The sender's original words are kept; when it is published, the sender is told that the text was edited.
deed-correct-unchanged = Nothing was changed in good deed { $ref }.
deed-mod-original-title = <b>The sender's original words</b> (before the correction):
deed-mod-original = • { $field ->
        [description] What was done
        [doerName] Who did it
       *[place] Where
    }: { $text }
deed-publish = ✅ Publish
deed-reject = ✖ Don't publish
deed-merge = 🔗 Merge into a known deed
deed-promote = ⭐ Propose as an exemplar
deed-next = ⏭ Another deed
deed-block = 🚫 Block the sender
deed-blocked-list = People blocked from sending good deeds
deed-published = Good deed { $ref } published. The teller has been told.
deed-rejected = Good deed { $ref } marked “not published”. The sender has been told the reason.
deed-merged = Good deed { $ref } merged into { $into }. The sender has been told.
deed-merge-impossible = { $ref } could not be merged into { $into } (one of them has just been handled).
deed-already-handled = Good deed { $ref } has already been handled.
deed-not-found = That good deed was not found.
deed-ask-reason = Type why good deed { $ref } is not published. The sender will read it, so please be kind and clear:
deed-ask-merge = Merge { $ref } into which good deed? Choose below, or type its reference (e.g. VT-7K3M):
deed-merge-into = Merge into { $ref }
deed-merge-target-invalid = That good deed was not found (or can't take a merge). Tap a button or type the reference again, e.g. VT-7K3M.
deed-promote-need-unit = To propose an exemplar you must be an officer of a responsible unit (the nomination is in the unit's name). An administrator without a unit should ask a unit officer, or take the officer role with an invite code.
deed-promote-start = Proposing an exemplar from good deed { $ref }: the name, place and achievements are filled in; tap “Keep” or change them.
deed-block-confirm = Block { $name } (sender of { $ref }) from sending good deeds?
deed-block-yes = Yes, block
deed-block-done = { $name } can no longer send good deeds.
deed-blocked-none = Nobody is blocked.
deed-blocked-title = <b>People blocked from sending good deeds</b> ({ $count }):
deed-blocked-item = • { $name } — since { $date }
deed-unblock = Unblock: { $name }
deed-unblocked = Unblocked. This person can send good deeds again.
deed-unblock-none = This person is not blocked.
deed-notice-published = 🌼 The good deed { $ref } you told about { $doer } has been published.{ $edited ->
        [yes] {" "}The commune officers corrected its spelling and diacritics before publishing (for the commune radio); your own words are kept as you sent them.
       *[no] {""}
    } Thank you for spreading the good! See: /recentdeeds
deed-notice-rejected =
    Thank you for telling about the good deed of { $doer } (reference { $ref }). This time the commune officers have not published it.
    Reason: { $reason }
    Please keep telling the good deeds around you!
deed-notice-merged = The good deed { $ref } you told is the same as a known one ({ $into }), so it was merged into it to avoid publishing it twice. Thank you!
deed-notice-promoted = ⭐ The good deed { $ref } you told about { $doer } has been proposed by an officer for recognition as an exemplar. Thank you!
deed-credit = { $named ->
        [yes] {" "}— told by { $name }
       *[no] {""}
    }
deed-recent-empty = No good deeds have been published yet. If you know one, tell it with /gooddeed.
deed-recent-title = <b>Good deeds around us — { $commune }</b> ({ $from }–{ $to } of { $total }):
deed-public-item = • { $date }: <b>{ $doer }</b> ({ $place }, { $when }) — { $text }{ $credit }
deed-recent-hint = <i>Know a good deed? Type /gooddeed to tell it.</i>
deed-bulletin-title = <b>Good deeds around us</b> — bulletin from { $from } to { $to }
deed-bulletin-none = Last week, no good deeds were published in { $commune }. If you know a good deed around you, please tell the commune's emulation assistant.
deed-bulletin-intro = Last week, in { $commune }, residents told { $count ->
        [one] { $count } good deed
       *[other] { $count } good deeds
    }.
deed-bulletin-item = { $n ->
        [1] First
        [2] Second
        [3] Third
        [4] Fourth
        [5] Fifth
        [6] Sixth
        [7] Seventh
        [8] Eighth
        [9] Ninth
        [10] Tenth
       *[other] Next
    }, in { $place }, { $doer } did a good deed: { $text } When: { $when }.{ $credit }
deed-bulletin-credit = {" "}Thanks to { $name } for telling it.
deed-bulletin-outro = Thank you to all the kind hearts. If you know a good deed around you, please tell the commune's emulation assistant so that it spreads.

## Linking accounts, Zalo
cmd-lienket = Link your Telegram and Zalo accounts
channel-name = { $channel ->
        [telegram] Telegram
        [zalo] Zalo
       *[other] { $channel }
    }
link-private-only = To keep it safe, type /link in a private chat with the assistant.
link-code =
    Your link code: <b>{ $code }</b> (works once, expires at { $until }).
    On the other channel (Zalo or Telegram), type: /link { $code }
    That account will be joined to this { $channel } account once both accounts agree: your roles and records follow you. Don't give the code to anyone.
link-conflict = Can't link: the owner of that code already has another { $channel } account. Each person links one account per channel.
link-ok = Linked! The { $channel } account now belongs to <b>{ $name }</b>: roles, records and reminder settings are shared on both channels.
keep-receiving-ok = Thank you! You will keep receiving reminders and digests from the assistant.
zalo-renew-button = Keep receiving messages
zalo-choices = Type a number to choose:
zalo-choice = { $n }. { $label }
zalo-attachment = 📎 { $url }
delivery-failed-admin =
    ⚠️ <b>A message could not be delivered</b> through { $channel } (key { $key }): the platform refused the request and it will not be sent again.
    The platform's answer: { $error }

zalo-grant-lost =
    ⚠️ <b>Zalo: the assistant has lost its permission to send through the Official Account</b> (error { $code }).
    An OA administrator must authorize the app again (see the README, “Connect a Zalo OA”). Until then, messages through Zalo are not sent.

## Bulletin subscription
bulletin-subscribed = Subscribed. You will receive the “Good deeds around us” bulletin every week. Type /bulletin unsubscribe to stop.
bulletin-unsubscribed = Unsubscribed from the “Good deeds around us” bulletin. Type /bulletin subscribe to get it again.
bulletin-how-to-subscribe = Type /bulletin subscribe to get the “Good deeds around us” bulletin every week, /bulletin unsubscribe to stop. Recent good deeds: /recentdeeds.

## Results of scheduled jobs (/schedule)
job-result-no-council = no council member to send to yet
job-result-digest = queued for { $queued } of { $total } council members
job-result-reminders = { $queued ->
        [one] { $queued } reminder queued
       *[other] { $queued } reminders queued
    }
job-result-no-subscriber = nobody has subscribed yet
job-result-no-deeds = no good deed was published this week: nothing sent
job-result-bulletin = bulletin of { $deeds } good deeds queued for { $queued } of { $total } subscribers
job-result-skipped = missed while the bot was down, too late to send: skipped
job-result-rounds = { $rounds ->
        [one] { $rounds } round open for more than { $days } days brought to the council chair
       *[other] { $rounds } rounds open for more than { $days } days brought to the council chair
    }; { $queued } notices queued
council-round-too-long-office = ⚠️ Nomination #{ $id } ({ $name }), round { $round }: the round has been open for more than { $days } days without a result. { $chairs ->
        [0] Nobody holds the council chair's role in the bot yet: please give it to the council chair, or record the conclusion of the council's meeting once it has met.
       *[other] The council chair has been told. Once the council has met, the standing office records the meeting's conclusion.
    }
register-plan-ended = <i>Note: { $plan } ended on { $end }. The nomination is still recorded under this plan; when a new plan is issued, an administrator loads it so nominations follow it.</i>

## Security: group chats
group-private-note = /{ $command } is only used in a private chat with the assistant, so that nothing private shows in the group. Please open a private chat with the assistant and type /{ $command } there.
group-private-action = This button only works in a private chat with the assistant.
group-code-seen = Everyone in this group has now seen the code you typed: please do not use it; ask whoever gave it to cancel it and issue a new one.
group-open-private = Open a private chat with the assistant

## Security: invite and link codes
code-wrong = This code is wrong or can no longer be used. Please check it (upper or lower case does not matter) or ask whoever gave it for a new one.
code-wait = Too many wrong codes. To keep accounts safe, please try again in { $minutes } min.
code-limit-admin-notice = Security warning: the { $channel } account “{ $name }” (id { $id }) typed too many wrong codes with /{ $command }; it may not type codes for a while. Unless this is someone known who mistyped, please review the unused invites (/invite → Unused invites).
role-with-unit = { $role } — { $unit }
roles-list = { $roles }
roles-none = resident (no role)
link-self = These two accounts are already one; nothing to link.
link-confirm-claimant =
    This code belongs to the account <b>{ $owner }</b> ({ $ownerChannels }).
    If you agree, the account <b>{ $claimant }</b> ({ $claimantChannels }) you are using is joined into <b>{ $owner }</b>: roles, dossiers, good deeds and settings move to that account.
link-confirm-owner =
    The account <b>{ $claimant }</b> ({ $claimantChannels }) typed the link code of <b>{ $owner }</b> ({ $ownerChannels }) and asks to be joined into this account.
    Only agree if that account is your own.
link-roles-after = After joining, the account holds: { $roles }.
link-staff-warning = Note: <b>{ $owner }</b> receives the roles { $roles } of the account joined into it. If <b>{ $owner }</b> is not you, tap “Do not join”.
link-confirm-until = Both accounts must agree before { $until }.
link-yes = Join the accounts
link-no = Do not join
link-waiting-owner = Noted. The assistant asked the account <b>{ $owner }</b> ({ $ownerChannels }) to confirm; the accounts are joined when it agrees.
link-gone = This link request is no longer valid (expired, refused or already done). Type /link for a new code.
link-declined = The link request is cancelled; this code can no longer be used.
invites-open = Unused invites
invites-none = There are no unused invites.
invites-title = <b>Unused invites</b> ({ $count }):
invites-item = • …{ $tail }: { $role }{ $unit }, created by { $by }, expires on { $until }
invites-cancel = Cancel code …{ $tail }
invites-cancelled = The invite is cancelled; the code can no longer be used.
invites-gone = This invite was used, has expired or was cancelled.

## Security: message limit
rate-limited = The assistant just received too many messages in a row from this account. Messages and button taps in the next { $seconds } s will not be handled (votes and moderation included); please send them again after that.
## Documents (/documents): proposal, list, decision, reports — drafted from the records
cmd-vanban = Draft documents: proposal, list, draft decision, reports (standing office, Council)
documents-menu-title = <b>Draft a document from the records</b> (Word/Excel, laid out per Decree 30/2020/NĐ-CP). Choose a document:
documents-usage = Usage: /documents proposal [nomination numbers …] [pdf] · /documents higher (proposal to the higher level) · /documents list [excel] · /documents decision [nominations | decision number | list] · /documents achievements [nomination] · /documents year [YEAR] · /documents progress · /documents minutes · /documents numbers (register) · /documents signed 05/TTr-UBND (record the signed original) · /documents settings (the commune's document details, administrators). Without nomination numbers: every nomination the Council agreed to propose that has no award decision yet.
documents-button-to-trinh = Award proposal (tờ trình)
documents-button-quyet-dinh = Draft award decision
documents-button-danh-sach = List of nominees (Word)
documents-button-danh-sach-xlsx = List of nominees (Excel)
documents-button-bao-cao-nam = Council's yearly report
documents-button-tien-do = Target progress (Excel)
documents-button-bien-ban = Council meeting minutes
documents-button-meeting = Minutes of meeting { $id } on { $date }
documents-preview-bien-ban = Council meeting minutes no. { $number } (meeting { $id }, { $date }): { $present }/{ $size } members present; { $items } { $items ->
    [one] nomination
   *[other] nominations
} reviewed, { $proposed } proposed
documents-preview-quyet-dinh-recorded = Decision no. { $number } of { $date } (as recorded): { $total } nominations: { $collectives } collectives, { $individuals } individuals, { $households } households
documents-decision-not-found = No decision of the commune chairman numbered “{ $number }” is recorded in this plan. See /vanban so for the numbers.
documents-no-meeting = No Council meeting has been recorded in this plan yet, so there are no minutes to draft. The council chair records the meeting first; then send /vanban bienban again.
documents-meeting-not-found = There is no Council meeting number { $id } in this plan.
documents-meeting-usage = Usage: /vanban bienban (the latest meeting) or /vanban bienban MEETING_NUMBER, e.g. /vanban bienban 3.
documents-access-denied = Drafting documents is for the standing office (administrators) and members of the Emulation and Commendation Council.
documents-private-only = Documents hold personal information, so they are only sent in a private chat. Please write to the bot directly: /documents
documents-unknown = There is no document type “{ $name }”.
documents-not-yet = The document “{ $name }” can't be drafted yet: the records it needs are missing (e.g. minutes need a recorded Council meeting).
documents-bad-ids = Nomination numbers are digits only, separated by spaces or commas (e.g. /documents proposal 3 5 7).
documents-not-found = No nomination number: { $ids }.
documents-not-approved = These nominations have not been proposed by the Council, so they are left out: { $ids }.
documents-nothing-approved = No nomination the Council agreed to propose is waiting for an award decision, so there is nothing to draft yet.
documents-preview-to-trinh = Proposal No. { $number }, { $total } { $total ->
        [one] nomination
       *[other] nominations
    }: { $collectives } { $collectives ->
        [one] collective
       *[other] collectives
    }, { $individuals } { $individuals ->
        [one] individual
       *[other] individuals
    }, { $households } { $households ->
        [one] household
       *[other] households
    }
documents-preview-quyet-dinh = Draft decision No. { $number }, { $total } { $total ->
        [one] nomination
       *[other] nominations
    }: { $collectives } { $collectives ->
        [one] collective
       *[other] collectives
    }, { $individuals } { $individuals ->
        [one] individual
       *[other] individuals
    }, { $households } { $households ->
        [one] household
       *[other] households
    }
documents-preview-danh-sach = List of nominees ({ $format ->
        [xlsx] Excel
       *[other] Word
    }), { $total } { $total ->
        [one] nomination
       *[other] nominations
    }: { $collectives } { $collectives ->
        [one] collective
       *[other] collectives
    }, { $individuals } { $individuals ->
        [one] individual
       *[other] individuals
    }, { $households } { $households ->
        [one] household
       *[other] households
    }
documents-draft-note = <i>The document is marked “DỰ THẢO” (draft) until it is signed. Once signed, type: /documents signed { $number }</i>
documents-pdf-unavailable = LibreOffice is not installed on the server, so no PDF could be made; please use the Word file.
documents-numbers-empty = No document number was given in { $year } yet.
documents-numbers-title = <b>Document register { $year }</b> (newest first):
documents-numbers-row = • No. { $number }, { $date }{ $signed ->
        [yes] , signed
       *[other] , draft
    }
documents-sign-usage = Type the number of the signed document, e.g. /documents signed 05/TTr-UBND
documents-signed = Recorded that document No. { $number } is signed; reprints no longer carry “DỰ THẢO”.
documents-sign-unknown = This year's register has no number { $number }.
documents-file-saved = File saved: { $path }
documents-zalo-file-unsupported = Zalo only accepts PDF and Word files; please get { $name } through Telegram or the server console.
documents-zalo-file-failed = The file { $name } could not be sent through Zalo (too large, or Zalo is not accepting it right now). Please try again later or get it through Telegram.
## Actual dates of milestones (/setdate)
cmd-ngaymoc = Record the date of a review or conference (administrators)
timeline-admin-hint = <i>Once the date of a review or conference is fixed, type /setdate to record it: reminders will count down to it.</i>
mdate-title = <b>Actual dates of milestones</b>
    The plan gives many milestones as a year or an occasion only; choose one to record the date it is actually held:
mdate-item = { $n }. { $title }
    {"   "}→ { $when }
mdate-button = { $n }. { $title }
mdate-hint = <i>Reminders count down only to exact dates: a day the plan gives, or the actual date the Council's standing office records here.</i>
mdate-none = No upcoming milestone is left to record a date for.
mdate-ask = Milestone: { $title }
    The plan says: { $when }
    Type the date it is actually held (e.g. 15/12/2026).
mdate-clear = Remove the recorded date
mdate-bad-date = That is not a valid date. Please type day/month/year, e.g. 15/12/2026.
mdate-set = Recorded { $date } as the date of: { $title }. { $past ->
        [yes] (That date has passed.)
       *[no] Reminders will count down to it.
    }
mdate-cleared = Removed the recorded date of: { $title }. The plan says: { $when }.
mdate-unknown = This milestone is no longer in the plan.



## Security: roles checked when writing
dialog-closed-role = The task you had open was closed because this account no longer holds the role it needs; nothing was saved. If you think this is a mistake, please contact the standing office of the commune's Emulation and Commendation Council.
dialog-closed-role-notice = { $kind ->
        [register] Your role was just revoked, so the nomination you were filling in was closed; what was not sent is not saved.
       *[other] Your role was just revoked, so the task you had open was closed; what was not sent is not saved.
    }
nomination-edit-not-yours = Only the officers of the proposing unit can edit this nomination; you can add a note.
## Registration drafts
draft-kept = The registration you had started{ $named ->
        [no] {""}
       *[yes] {" "}(“{ $name }”)
    } was kept as a draft (for at least 30 days). Type /mine to continue it.
register-leave-ask = You are in the middle of a registration{ $named ->
        [no] {""}
       *[yes] {" "}(“{ $name }”)
    }. Leave it to do something else? What you entered will be kept as a draft (for at least 30 days, see /mine).
dialog-leave-keep = ↩ Continue the registration
dialog-leave-go = Keep it as a draft, go on
draft-gone = This draft no longer exists.
draft-deleted = Draft deleted.
drafts-title = <b>Unfinished registrations ({ $count })</b> — kept at least 30 days; tap to continue:
drafts-item = • { $named ->
        [no] (no name yet)
       *[yes] { $name }
    } — last changed { $date }
drafts-resume = ▶ Continue: { $named ->
        [no] (no name yet)
       *[yes] { $name }
    }
drafts-delete = 🗑 Delete draft
documents-achievement-usage = Type the number of the nomination to report on, e.g. /documents achievements 12 (numbers are shown in /mine); without a number: the reports of every nomination the Council agreed to propose, in one file.
documents-preview-achievement = Achievement report of { $name } (nomination { $id }, { $subject ->
        [COLLECTIVE] collective
        [HOUSEHOLD] household
       *[INDIVIDUAL] individual
    } form)
documents-year-usage = Type the year of the report, e.g. /documents year 2026 (no year: this year).
documents-preview-yearly = Council's report for { $year }: { $met }/{ $targets } targets met, { $exemplars } { $exemplars ->
        [one] exemplar
       *[other] exemplars
    } proposed by the Council, { $deeds } good { $deeds ->
        [one] deed
       *[other] deeds
    } published
documents-preview-achievements = Achievement reports of { $total } { $total ->
        [one] nomination
       *[other] nominations
    } in one file (each its own section and page numbers): { $collectives } { $collectives ->
        [one] collective
       *[other] collectives
    }, { $individuals } { $individuals ->
        [one] individual
       *[other] individuals
    }, { $households } { $households ->
        [one] household
       *[other] households
    }

## Good deeds waiting for moderation
deeds-arrived = 📬 New good deeds from residents are waiting to be checked and moderated: { $count } waiting{ $days ->
        [0] {""}
       *[other] , the oldest for { $days } days
    }.
reminder-deeds = ⏰ { $count } good deeds are waiting for moderation{ $days ->
        [0] {""}
       *[other] ; the oldest for { $days } days
    }. Residents were promised the commune would check them.
deeds-open-queue = Open the moderation queue
digest-deeds-waiting = <b>Good deeds waiting for moderation:</b> { $count } (oldest { $days } days)
action-stale = This button is no longer valid. The record as it is now:
nomination-decision-item = • { $authority ->
        [COMMUNE] The commune chairman awarded “{ $award }”, decision no. { $number } of { $date }
       *[HIGHER] { $signer } awarded “{ $award }”, decision no. { $number } of { $date }
    }
nomination-proposal-item = • Submission no. { $number } of { $date } proposing “{ $award }” to { $to } — { $outcome ->
        [PENDING] awaiting the answer
        [AWARDED] decided
       *[REFUSED] not agreed by the higher level: { $reason }
    }
nomination-votes-title = <b>Council members' votes (round { $round }):</b> { $count } of { $eligible } members have voted
nomination-vote-item = • { $name }: { vote-decision }{ $reason }{ $changed ->
        [yes] {" "}(changed)
       *[no] {""}
    }
nomination-vote-reason = {" "}— { $reason }
nomination-vote-abstain = • { $mine ->
        [yes] You proposed this nomination, so you do not vote on it.
       *[no] The proposer is a council member and does not vote on their own nomination.
    }
nomination-withdraw = Withdraw
exemplar-decision = { $authority ->
        [COMMUNE] Recognised by the commune chairman, awarded “{ $award }” (decision no. { $number } of { $date })
       *[HIGHER] { $signer } awarded “{ $award }” (decision no. { $number } of { $date })
    }
review-open-one = Vote on this nomination
review-vote-button = { $decision ->
        [AGREE] ✅ Agree
        [ASK_CHANGES] ↩ Ask for changes
       *[DISAGREE] ✖ Disagree
    }
review-confirm = Your vote on nomination #{ $id } (round { $round }): “{ vote-decision }”. Confirm?
review-confirm-reason = Reason: { $reason }
review-confirm-yes = ✔ Confirm
review-changed = Your vote on nomination #{ $id } is now “{ vote-decision }” (round { $round }).
review-tally = Tally so far: { $agree } agree, { $changes } ask for changes, { $disagree } disagree ({ $eligible ->
        [one] 1 member may vote
       *[other] { $eligible } members may vote
    }).
review-abstained = { $name } does not vote (they proposed it).
review-change-vote = Change my vote
review-my-vote = <i>Your current vote (round { $round }): { vote-decision }. You can change it while the round is open.</i>
review-stalled-told = Every member has voted, but the council's rule gives no result. The council chair has been told and will conclude.
notice-proposed = 📋 Nomination #{ $id } ({ $name }): the commune Emulation and Commendation Council agreed to propose it to the commune chairman for recognition. The unit will be told when the decision is made.
notice-awaits-decision = 📋 The council proposes nomination #{ $id } ({ $name }). Record the commune chairman's decision, or a submission to the higher level, from the record.
notice-decided = 🎉 The commune chairman decided to recognise { $name } (nomination #{ $id }) with “{ $award }”, decision no. { $number } of { $date }. Thank you for finding and nurturing this exemplar!
notice-proposed-higher = 📤 Nomination #{ $id } ({ $name }) was submitted to { $authority }, proposing “{ $award }” (submission no. { $number } of { $date }). The unit will be told of the answer.
notice-higher-awarded = 🎉 The higher level decided to reward { $name } (nomination #{ $id }), decision no. { $number } of { $date }.
notice-higher-refused = The higher level did not agree to reward { $name } (nomination #{ $id }). Reason: { $reason } The nomination is back with the commune chairman.
notice-declined = The commune chairman did not recognise { $name } (nomination #{ $id }). Reason: { $reason }
chair-new-round = 🔄 Open a new round
chair-return = ↩ Return for changes
chair-conclude = 📝 Record the meeting's conclusion
chair-stalled = ⚠️ Nomination #{ $id } ({ $name }), round { $round }: { $why ->
        [ALL_VOTED] every member has voted, but the council's rule gives no result.
       *[TOO_LONG] the round has been open for more than { $days } days without a result.
    } As council chair, please open a new round, return it for changes, or record the conclusion of the council's meeting.
decide-open = 🏅 Record the commune chairman's decision
propose-higher-open = 📤 Record a submission to the higher level
decline-open = The commune chairman does not recognise it
higher-awarded-open = Record the higher level's decision
higher-refused-open = The higher level did not agree
decide-ask-date = Type the date the decision was signed (day/month/year, e.g. 15/11/2025):
propose-higher-ask-date = Type the date the submission was sent (day/month/year, e.g. 15/11/2025):
decide-ask-award = Choose the emulation title or form of commendation for the { $type } (applicable on { $date }):
decide-no-award = No emulation title or form of commendation { $mode ->
        [COMMUNE] within the commune chairman's authority
       *[HIGHER] of a higher level
    } applies to a { $type } on { $date }. Tap “Back” to choose another date, or cancel.
award-option = { $name } ({ $commune ->
        [yes] decided by the commune chairman
       *[no] decided by { $authority }{ $verified ->
            [yes] {""}
           *[no] {" "}— authority not verified
        }
    })
award-unverified = <i>The authority “{ $authority }” in the current table is not verified (source: { $source }). Please check before sending.</i>
decide-ask-number = Type the decision number (e.g. 05/QĐ-UBND):
propose-higher-ask-number = Type the number of the submission (tờ trình), e.g. 45/TTr-UBND:
decide-confirm = Record: the commune chairman awards “{ $award }” to { $name } (nomination #{ $id }), decision no. { $number } of { $date }. Confirm?
propose-higher-confirm = Record submission no. { $number } of { $date } proposing “{ $award }” for { $name } (nomination #{ $id }) to { $authority }. Confirm?
decide-saved = Decision no. { $number } of { $date } recorded for nomination #{ $id }. The proposing unit has been told.
propose-higher-saved = Submission no. { $number } of { $date } recorded for nomination #{ $id }. Record the higher level's answer from the record when it comes.
higher-ask-number = Type the number of the higher level's decision:
higher-ask-date = Type the date the higher level's decision was signed (day/month/year):
higher-ask-refusal = Type the higher level's reason for not agreeing (from its reply):
higher-awarded-saved = The higher level's decision no. { $number } of { $date } recorded for nomination #{ $id }.
higher-refused-saved = Recorded: the higher level did not agree to nomination #{ $id }. It is back with the commune chairman.
decline-ask-reason = Type why the commune chairman does not recognise nomination #{ $id }:
decline-saved = Recorded: the commune chairman does not recognise nomination #{ $id }. The proposing unit has been told.
withdraw-ask-reason = Type why the unit withdraws nomination #{ $id }:
withdraw-saved = Nomination #{ $id } withdrawn. The council will not review it.
chair-confirm-new-round = Open round { $round } for nomination #{ $id }? The earlier round's votes stay in the history; members vote again.
chair-round-opened = Round { $round } of nomination #{ $id } is open. The council members have been told.
chair-round-opened-notice = 🔄 The council chair opened round { $round } for nomination #{ $id } ({ $name }). Please vote.
chair-ask-return-reason = Type the chair's comments: what nomination #{ $id } needs to add:
chair-returned = Nomination #{ $id } was returned to the unit for changes. The proposing unit has been told.
meeting-no-rounds = No nomination is in an open round of the council, so there is nothing to record a meeting for.
meeting-no-members = No council member is in the bot yet. Please give the members their role (/invite) before recording a meeting.
meeting-ask-date = 📝 Record a meeting of the commune's Emulation and Commendation Council ({ $count ->
        [one] { $count } nomination
       *[other] { $count } nominations
    } in an open round). What you record here is what the meeting minutes are drafted from.
    Type the date of the meeting (e.g. { $example }):
meeting-date-future = The meeting date cannot be after today: only a meeting that has taken place is recorded.
meeting-ask-time = Type when the meeting began and ended (Vietnam time), e.g. 8:00 - 10:30:
meeting-time-invalid = That is not a time I can read. Type the start and the end, separated by a dash, e.g. 8:00 - 10:30.
meeting-time-order = The end must be after the start.
meeting-time-future = By the times typed, the meeting of { $date } has not ended yet (it ends at { $end }). Please record it once it is over.
meeting-ask-place = Type where the meeting was held (e.g. the commune People's Committee hall):
meeting-text-length = Please type between { $min } and { $max } characters.
meeting-ask-present = Council members at the meeting: tap a name to switch between present (✅) and absent (❌), then tap “Done”. Present: { $present } of { $size } members.
meeting-member = { $present ->
        [yes] ✅
       *[no] ❌
    } { $name }
meeting-present-done = Done
meeting-none-present = At least one member must be present.
meeting-ask-chair = Who presided over the meeting? Tap a name, or type the name.
meeting-ask-secretary = Who took the minutes (secretary)? Tap a name, or type the name.
meeting-item = Nomination { $index } of { $total }: #{ $id } { $name } (round { $round }).
    Recorded votes of the members present: { $agree } agree, { $changes } ask for changes, { $disagree } disagree; { $abstain } did not vote.
    The council's conclusion at the meeting?
meeting-item-absent-votes = <i>{ $count ->
        [one] { $count } vote of an absent member is
       *[other] { $count } votes of absent members are
    } not counted in the meeting's tally.</i>
meeting-conclusion = { $conclusion ->
        [PROPOSE] The council proposes it
        [RETURN] Ask the unit for changes
       *[REJECT] The council does not propose it
    }
meeting-skip = Not reviewed at this meeting
meeting-ask-remarks = Type the council's comments on nomination #{ $id } ({ $name }) — { $conclusion }:
meeting-use-member-reasons = Use the members' recorded reasons
meeting-nothing-concluded = No nomination was concluded at this meeting, so there is nothing to record. Tap “Back” to conclude one, or “Cancel”.
meeting-confirm = Please check before it is recorded:
    { $date }, from { $start } to { $end }, at { $place }.
    Presided by: { $chair }. Minutes taken by: { $secretary }.
    Present { $present } of { $size }: { $presentNames }. Absent: { $absentNames }.
meeting-confirm-item = • #{ $id } { $name }: { $agree } agree, { $changes } ask for changes, { $disagree } disagree, { $abstain } did not vote — { $conclusion }.{ $remarks }
meeting-confirm-yes = Record the meeting
meeting-saved = The council meeting of { $date } is recorded (meeting #{ $id }): { $count ->
        [one] { $count } nomination
       *[other] { $count } nominations
    }, { $proposed } of them proposed by the council to the commune chairman for decision. The proposing units have been told.
meeting-open-minutes = 📄 Meeting minutes
meeting-stale = Nomination #{ $id } changed while this was being recorded (a new round, a result or a withdrawal). Nothing was recorded; please record the meeting again (/meeting) with the nominations as they are now.

## The plan as a spreadsheet (npm run plan:template, plan:import)
plan-xlsx-cell = Sheet { $sheet }, row { $row }, column { $col }: { $problem }
plan-xlsx-row = Sheet { $sheet }, row { $row }: { $problem }
plan-xlsx-sheet = Sheet { $sheet }: { $problem }
plan-xlsx-unreadable = the file cannot be read (an Excel .xlsx file is needed): { $detail }
plan-xlsx-no-sheet = this sheet is missing; use the template written by npm run plan:template
plan-xlsx-no-field = the row «{ $field }» is missing in column A
plan-xlsx-no-column = the column «{ $field }» is missing in row 1
plan-xlsx-no-rows = no rows yet; at least one row is needed
plan-xlsx-no-criteria = this category has no criteria yet; add them in the sheet Tiêu chí
plan-xlsx-missing = { $field } is missing
plan-xlsx-code = the code «{ $value }» is not valid; a code has only unaccented letters, digits and . _ - (no spaces, at most 40 characters), e.g. ntm-01
plan-xlsx-date = the date «{ $value }» is not valid; write year-month-day, e.g. 2026-01-01
plan-xlsx-plan-date = the time «{ $value }» is not valid; write a year (2026), year-month (2026-03) or year-month-day (2026-03-15)
plan-xlsx-count = the number «{ $value }» is not valid; write a whole number of 0 or more
plan-xlsx-yes-no = «{ $value }» is not valid; write «có» (yes) or leave it blank
plan-xlsx-choice = «{ $value }» is not valid; write one of: { $options }
plan-xlsx-duplicate = the code «{ $value }» repeats a row above; each row needs its own code
plan-xlsx-unknown = the code «{ $value }» is not in the sheet { $other }; write a code from that sheet or add this one there
plan-xlsx-not-in-category = «{ $value }» is not in the category's Loại đối tượng column; add it there or correct it here
plan-xlsx-ends-before = the end is earlier than the start
plan-xlsx-quota-empty = the target asks for no exemplar; write at least 1 in one of the columns Số tập thể, Số cá nhân, Số hộ gia đình, Số gương bất kỳ
plan-xlsx-precision = the precision does not fit the time: Ngày needs year-month-day, Tháng needs year-month; «Trước ngày» needs an exact day
plan-xlsx-other = the value is not valid ({ $detail })
plan-xlsx-invalid = The file { $file } has { $count } errors; nothing was imported. Correct these and import again:

## Loading a plan in chat (an administrator sends the plan file)
plan-upload-unreadable = Could not read { $file }: { $reason ->
    [too-large] the file is larger than { $max } MB. Send the plan file made from the template (npm run plan:template), without pictures.
   *[other] the file could not be downloaded from the platform. Please send it again in a few minutes.
  }
plan-upload-invalid = { $file } has { $count } errors; nothing was loaded:
plan-upload-issue = • { $issue }
plan-upload-more-issues = … and { $count } more errors.
plan-upload-fix-and-resend = Correct the cells above and send the file again.
plan-upload-field-issue = Field { $path }: { $problem }
plan-upload-unchanged = This file is the same as the active plan ({ $title }); nothing changes.
plan-upload-checked = <b>Checked { $file }: no errors.</b>
plan-upload-name = Plan: { $title }
plan-upload-period = Period: { $start } – { $end }
plan-upload-counts = { $movements } movements, { $categories } categories, { $criteria } criteria, { $units } units, { $quotas } targets, { $phases } phases, { $milestones } milestones.
plan-upload-is-sample = <i>This is a SAMPLE plan, not an official document.</i>
plan-upload-edits-active = This edits the active plan (same code { $id }): its items are updated in place.
plan-upload-replaces = This plan will replace the active plan ({ $active }). Records and decisions of the earlier plan are kept and stay readable.
plan-upload-changes = Compared with the active plan: { $changes }.
plan-upload-no-changes = Compared with the active plan: no unit, category or criterion changes.
plan-change = { $count } { $what ->
    [unit] units
    [category] categories
   *[criterion] criteria
  } { $change ->
    [added] added
    [renamed] renamed
   *[removed] removed
  }{ $listed ->
    [yes] { " " }({ $codes })
   *[no] {""}
  }
plan-upload-officers-kept = { $count } officers keep their role on the unit of the same code in the new plan.
plan-upload-officers-lost = { $count } officers will lose their role because their unit is not in the new plan: { $names }.
plan-upload-confirm = Make this the active plan?
plan-upload-apply = ✅ Apply this plan
plan-upload-cancel = Cancel
plan-upload-cancelled = Cancelled. The active plan is unchanged.
plan-apply-refused = { $reason ->
    [denied] Only the administrator who sent the file can apply this plan.
    [gone] This plan file was not found. Please send the file again.
    [applied] This plan has already been applied.
    [stale] Another plan was applied after this file was checked. Please send the file again to see the changes.
   *[in-use] Not applied: the edit removes a category or unit that existing records use. Keep that item in the file (you may rename it) and send it again.
  }
plan-applied = <b>Plan applied: { $title }.</b> Nominations, targets and milestones follow this plan from now on.
plan-applied-history = Records and exemplars of the earlier plan ({ $previous }) are kept; /exemplars shows the exemplars of every plan.
plan-applied-kept = { $count } officers were told they keep their role on the unit of the same code.
plan-applied-lost = { $count } officers were told their unit is not in the plan and they need a new invitation.
plan-officer-kept = A new plan was applied: { $plan }. You remain an officer of { $unit } in this plan.
plan-officer-lost = A new plan was applied: { $plan }. Your unit { $unit } is not in this plan, so you no longer hold an officer role for now. Your earlier records are kept. Please contact { $contact } (the standing office of the commune Emulation and Commendation Council) to be invited to a new unit.
plan-sample-warning = <i>Note: the bot is using a SAMPLE plan for { $years }, not an official document. What you register now is recorded under this sample plan.</i>
exemplars-plan-heading = <b>{ $plan }</b>{ $active ->
    [yes] { " " }(active)
   *[no] {""}
  }

## Proposal to the higher level (/documents higher)
documents-button-to-trinh-cap-tren = Proposal to the higher level (tờ trình)
documents-button-proposal = Proposal No. { $number } of { $date } ({ $count } { $count ->
        [one] nomination
       *[other] nominations
    })
documents-preview-to-trinh-cap-tren = Proposal to the higher level No. { $number } (to { $authority }), { $total } { $total ->
        [one] nomination
       *[other] nominations
    }: { $collectives } { $collectives ->
        [one] collective
       *[other] collectives
    }, { $individuals } { $individuals ->
        [one] individual
       *[other] individuals
    }, { $households } { $households ->
        [one] household
       *[other] households
    }
documents-preview-to-trinh-cap-tren-recorded = Proposal No. { $number } of { $date } to { $authority } (recorded): { $total } { $total ->
        [one] nomination
       *[other] nominations
    }: { $collectives } { $collectives ->
        [one] collective
       *[other] collectives
    }, { $individuals } { $individuals ->
        [one] individual
       *[other] individuals
    }, { $households } { $households ->
        [one] household
       *[other] households
    }
documents-proposal-not-found = No proposal to the higher level numbered “{ $number }” is recorded in this plan.
documents-proposal-empty = Proposal No. { $number } holds no nomination with a title or form the higher level awards, according to the current award table.
documents-higher-level = The Council proposed a title or form only a higher level may award for these nominations, so they are left out of the commune's documents: { $ids }. Proposal to the higher level: /documents higher
documents-commune-level = These nominations have no title or form above the commune chairman's authority, so they are left out of the proposal to the higher level: { $ids }.
documents-nothing-higher = No nomination has been proposed by the Council for a title or form only a higher level may award (the Council names the form when its meeting is recorded).

## Choosing the decision to print (/documents decision)
documents-button-decision = Decision No. { $number } of { $date } ({ $count } { $count ->
        [one] nomination
       *[other] nominations
    })
documents-nominee-decided = Nomination { $id } already has Decision No. { $number }.
documents-decision-mixed = These nominations have no decision yet: { $ids }. Print a recorded decision with the buttons below, or draft one for the undecided nominations on their own.
documents-decision-choose = These nominations are in several decisions; choose the decision to print:
documents-decisions-none = No award decision of the commune chairman is recorded in this plan yet.
documents-decisions-title = { $count } award { $count ->
        [one] decision
       *[other] decisions
    } of the commune chairman recorded (the newest { $shown } below; any other: /documents decision NUMBER, e.g. /documents decision 07/QĐ-UBND). Choose the decision to print:

## The commune's document details (/documents settings)
documents-button-settings = The commune's document details
documents-settings-denied = Only the standing office (administrators) may change the commune's document details.
documents-settings-title = <b>The commune's document details</b> (values in use; “set in the bot” replaces the value of plans/commune.yaml):
documents-settings-row = { $n }. { $label }: { $value }{ $set ->
        [yes] {" "}(set in the bot)
       *[other] {""}
    }
documents-settings-pick = Choose the field to change (tap its button or type its number).
documents-settings-number = { $n }
documents-settings-pick-again = Type a number from 1 to { $max }, or tap the field's button.
documents-settings-field = { $kind ->
        [place] Place name of the date line
        [issuer-parent] Parent body ({ $owner })
        [issuer-name] Issuing body ({ $owner })
        [issuer-full-name] Body's name in sentences ({ $owner })
        [issuer-symbol] Body's symbol in numbers ({ $owner })
        [signer-post] Signer's post ({ $owner })
        [signer-name] Signer's name ({ $owner })
       *[type-symbol] Document type symbol ({ $owner })
    }
documents-settings-signer = { $id ->
        [chairman] commune chairman
        [viceChairman] commune vice-chairman
        [councilChair] Council chair
        [councilSecretary] Council secretary
        [unitHead] head of unit
       *[other] { $id }
    }
documents-settings-document = { $kind ->
        [toTrinh] commune's proposal
        [toTrinhCapTren] proposal to the higher level
        [bienBan] Council minutes
        [quyetDinh] award decision
        [baoCaoNam] Council's yearly report
       *[other] { $kind }
    }
documents-settings-ask = { $label }: now “{ $value }”. Type the new value{ $kind ->
        [issuer-parent] {" "}(capitals, e.g. ỦY BAN NHÂN DÂN)
        [issuer-name] {" "}(capitals, e.g. XÃ IA BANG)
        [issuer-symbol] {" "}(capitals and digits, no spaces, e.g. UBND)
        [signer-post] {" "}(capitals, e.g. PHÓ CHỦ TỊCH)
        [signer-name] {" "}(the name only, no academic title)
        [type-symbol] {" "}(letters only, e.g. TTr, QĐ)
       *[other] {""}
    }.
documents-settings-reset = Back to the file's value
documents-settings-invalid = { $label } not saved: { $problem ->
        [empty] the value may not be empty.
        [too-long] the value is too long (200 characters at most).
        [one-line] the value must be on one line.
        [capitals] Decree 30/2020 writes this line in capitals.
        [issuer-symbol] a body's symbol is capitals and digits, no spaces (e.g. UBND, HĐTĐKT).
        [type-symbol] a document type symbol is letters only (e.g. TTr, QĐ, BB).
        [title] Decree 30/2020 puts no academic title or form of address before a signer's name.
       *[invalid] this value would make the document details invalid.
    } Please type it again.
documents-settings-same = That is the value in use. Type another, or tap Cancel.
documents-settings-confirm = { $reset ->
        [yes] { $label }: drop the value set in the bot (“{ $from }”) and go back to the file's value?
       *[other] { $label }: “{ $from }” → “{ $to }”. Save it?
    }
documents-settings-save = Save
documents-settings-saved = Saved. { $label } on documents drafted from now on: “{ $value }”.
documents-settings-gone = This field is no longer in the commune's details (the file changed). Open them again: /documents settings
