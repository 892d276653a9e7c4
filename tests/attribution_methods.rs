//! Each attribution rule on sentences written for it: kind, content, speaker and method.

use whosaid::attribute::{attribute, Quote};
use whosaid::segment::segment;
use whosaid::{Document, Lexicons};

/// (kind, content, speaker mention, resolved speaker, method) for every row of `text`.
fn rows(text: &str) -> Vec<(String, String, String, String, String)> {
    let doc = Document::new("t", text);
    let lex = Lexicons::embedded();
    let seg = segment(&doc, lex);
    attribute(&doc, &seg, lex)
        .iter()
        .map(|q: &Quote| {
            let content: Vec<&str> = q.fragments.iter().map(|f| f.slice(text)).collect();
            let mention = q.speaker.as_ref().map_or("", |s| s.mention.slice(text));
            let name = q
                .speaker
                .as_ref()
                .and_then(|s| s.name.clone())
                .unwrap_or_default();
            (
                q.kind.as_str().to_string(),
                content.join(" | "),
                mention.to_string(),
                name,
                q.method.to_string(),
            )
        })
        .collect()
}

fn one(text: &str) -> (String, String, String, String, String) {
    let r = rows(text);
    assert_eq!(r.len(), 1, "{text}: {r:?}");
    r.into_iter().next().unwrap()
}

fn check(text: &str, kind: &str, content: &str, mention: &str, method: &str) {
    let (k, c, m, _, me) = one(text);
    assert_eq!(
        (k.as_str(), c.as_str(), m.as_str(), me.as_str()),
        (kind, content, mention, method),
        "{text}"
    );
}

#[test]
fn quote_then_speaker_then_cue() {
    check(
        "\"We will rebuild the pier,\" the mayor said.",
        "direct",
        "We will rebuild the pier,",
        "the mayor",
        "quote_speaker_cue",
    );
    check(
        "\u{201C}Prices must fall,\u{201D} Ana Ruiz told reporters on Monday.",
        "direct",
        "Prices must fall,",
        "Ana Ruiz",
        "quote_speaker_cue",
    );
}

#[test]
fn quote_then_cue_then_speaker() {
    check(
        "\"It is over,\" said coach Tim Bell.",
        "direct",
        "It is over,",
        "coach Tim Bell",
        "quote_cue_speaker",
    );
}

#[test]
fn speaker_cue_then_quote() {
    check(
        "The minister said: \"We reject the plan.\"",
        "direct",
        "We reject the plan.",
        "The minister",
        "speaker_cue_quote",
    );
}

#[test]
fn cue_a_few_words_before_the_quote() {
    check(
        "The union called it \"an insult.\"",
        "direct",
        "an insult.",
        "The union",
        "clause_cue",
    );
    // With more of the writer's words around the quote, it is a mixed report (PolNeAR's
    // convention for `described X as "..."`).
    check(
        "The union described the offer as \"an insult.\"",
        "mixed",
        "the offer as \"an insult.\"",
        "The union",
        "speaker_cue_clause",
    );
}

#[test]
fn nominal_cue_with_possessive_speaker() {
    check(
        "Senator Hall's call for \"a full inquiry\" was ignored.",
        "direct",
        "a full inquiry",
        "Senator Hall's",
        "nominal",
    );
}

#[test]
fn subject_before_a_quote_that_opens_with_its_verb() {
    let r = rows("Maria Lopez arrived late. She \"promised to fix the roads by spring.\"");
    let q = r.iter().find(|q| q.1.starts_with("promised")).unwrap();
    assert_eq!(
        (q.2.as_str(), q.3.as_str(), q.4.as_str()),
        ("She", "Maria Lopez", "subject_quote")
    );
}

#[test]
fn interrupted_quote_is_one_row_with_two_fragments() {
    check(
        "\"We tried,\" Ms. Park said, \"but the money ran out.\"",
        "direct",
        "We tried, | but the money ran out.",
        "Ms. Park",
        "interrupted",
    );
    check(
        "\"We tried,\" she said. \"The money ran out.\"",
        "direct",
        "We tried, | The money ran out.",
        "she",
        "interrupted",
    );
}

#[test]
fn continuation_paragraph_inherits_the_speaker() {
    let r = rows("\"The port will open in May,\" said Omar Said, the harbor director.\n\"Ships are already booked.\"");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[1].4, "continuation");
    assert_eq!(r[1].3, "Omar Said");
}

#[test]
fn second_quote_in_the_sentence_shares_the_speaker() {
    // Either one mixed report holds both quotations or the second inherits (same_sentence).
    let text = "Officials called it \"peaceful\" and \"orderly.\"";
    let r = rows(text);
    for quoted in ["peaceful", "orderly."] {
        let holder = r
            .iter()
            .find(|q| q.1.contains(quoted))
            .expect("quotation listed");
        assert_eq!(holder.2, "Officials", "{r:?}");
    }
    let r = rows("\"Stay home,\" the mayor said of the \"lockdown\" and the \"curfew.\"");
    let curfew = r
        .iter()
        .find(|q| q.1 == "curfew.")
        .expect("last quotation listed");
    assert_eq!(
        (curfew.2.as_str(), curfew.4.as_str()),
        ("the mayor", "same_sentence"),
        "{r:?}"
    );
}

#[test]
fn reported_clause_after_the_cue() {
    check(
        "The ministry said that exports would rise next year.",
        "indirect",
        "exports would rise next year",
        "The ministry",
        "speaker_cue_clause",
    );
    check(
        "Austin emphasized the need to keep talking with Beijing.",
        "indirect",
        "the need to keep talking with Beijing",
        "Austin",
        "speaker_cue_clause",
    );
}

#[test]
fn reported_clause_with_a_partial_quote_is_mixed() {
    check(
        "Beijing said it takes a \"responsible attitude\" towards arms exports.",
        "mixed",
        "it takes a \"responsible attitude\" towards arms exports",
        "Beijing",
        "speaker_cue_clause",
    );
}

#[test]
fn reported_clause_before_the_speaker() {
    check(
        "The talks will resume in June, a spokesperson said.",
        "indirect",
        "The talks will resume in June",
        "a spokesperson",
        "clause_speaker_cue",
    );
    check(
        "The talks will resume in June, said the envoy.",
        "indirect",
        "The talks will resume in June",
        "the envoy",
        "clause_cue_speaker",
    );
}

#[test]
fn according_to_before_and_after() {
    check(
        "According to the agency, the dam is safe.",
        "indirect",
        "the dam is safe",
        "the agency",
        "according_to",
    );
    check(
        "The dam is safe, according to the agency.",
        "indirect",
        "The dam is safe",
        "the agency",
        "clause_according_to",
    );
}

#[test]
fn agency_relay_names_the_quoted_speaker() {
    let (kind, content, mention, _, method) =
        one("Reuters quoted a Kenyan police official saying that the border was closed.");
    assert_eq!(
        (kind.as_str(), method.as_str()),
        ("indirect", "agency_relay")
    );
    assert_eq!(mention, "a Kenyan police official");
    assert_eq!(content, "the border was closed");
}

#[test]
fn parenthetical_attribution_splits_the_report() {
    check(
        "After the storm, officials said, the bridge will stay shut for weeks.",
        "indirect",
        "After the storm | the bridge will stay shut for weeks",
        "officials",
        "parenthetical",
    );
}

#[test]
fn participle_takes_the_sentence_subject() {
    let r = rows("The governor vetoed the bill on Friday, saying it would raise taxes.");
    let q = r
        .iter()
        .find(|q| q.4 == "participle_clause")
        .expect("a participle report");
    assert_eq!(q.1, "it would raise taxes");
    assert_eq!(q.2, "The governor");
}

#[test]
fn headline_colon() {
    let text = "Mayor Ortiz: We Will Not Raise Fares\nThe mayor spoke on Tuesday.";
    let r = rows(text);
    assert_eq!(r[0].4, "headline_colon", "{r:?}");
    assert_eq!(r[0].2, "Mayor Ortiz");
}

#[test]
fn apposition_between_speaker_and_cue() {
    check(
        "\"No,\" Hugh Hill, a doctor at the clinic, said.",
        "direct",
        "No,",
        "Hugh Hill",
        "quote_speaker_cue",
    );
}

#[test]
fn scare_quotes_and_titles_are_listed_unattributed() {
    let r = rows("The so-called \"reform\" passed. She read \"The Quiet Orchard\" twice.");
    assert_eq!(r.len(), 2, "{r:?}");
    assert!(r
        .iter()
        .all(|q| q.4 == "none" && q.2.is_empty() && q.0 == "direct"));
}

#[test]
fn pronouns_resolve_to_the_latest_fitting_entity() {
    let text = "Prime Minister Ana Costa met the Brazilian delegation. \"We agreed on a plan,\" she said. The Kremlin criticized the deal. \"It is a mistake,\" it said.";
    let r = rows(text);
    let she = r.iter().find(|q| q.2 == "she").unwrap();
    assert_eq!(she.3, "Ana Costa");
    let it = r.iter().find(|q| q.2 == "it").unwrap();
    assert_eq!(it.3, "Kremlin");
}

#[test]
fn transcript_lines_name_their_speaker() {
    let text = "Partial transcript:\n\n\"WALLACE: Will she be there tomorrow night?\n\n\"PENCE: She will not be attending the debate.";
    let r = rows(text);
    let speakers: Vec<(&str, &str)> = r.iter().map(|q| (q.2.as_str(), q.4.as_str())).collect();
    assert_eq!(
        speakers,
        [("WALLACE", "transcript"), ("PENCE", "transcript")],
        "{r:?}"
    );
    assert_eq!(r[1].1, "She will not be attending the debate.");
}

#[test]
fn title_alias_resolves_to_its_holder() {
    let text = "US Secretary of Defense Lloyd Austin met his counterpart. The Secretary said the talks would continue next month.";
    let r = rows(text);
    let q = r
        .iter()
        .find(|q| q.2 == "The Secretary")
        .expect("a report by the Secretary");
    assert_eq!(q.3, "Lloyd Austin", "{r:?}");
}

#[test]
fn date_phrase_between_cue_and_clause() {
    check(
        "The ministry said on Tuesday the border would reopen next week.",
        "indirect",
        "the border would reopen next week",
        "The ministry",
        "speaker_cue_clause",
    );
}

#[test]
fn reporting_noun_after_an_article_is_the_speaker() {
    // `report` is also a verb; after `the` (or before `said`) it names the source.
    check(
        "The levee will hold through the spring, the engineering report said.",
        "indirect",
        "The levee will hold through the spring",
        "the engineering report",
        "clause_speaker_cue",
    );
    check(
        "The harbor will reopen in May, the report said.",
        "indirect",
        "The harbor will reopen in May",
        "the report",
        "clause_speaker_cue",
    );
}

#[test]
fn long_noun_phrase_subjects_before_say() {
    check(
        "The organizer of the parade said the new rules would double the fees for stalls.",
        "indirect",
        "the new rules would double the fees for stalls",
        "The organizer of the parade",
        "speaker_cue_clause",
    );
    check(
        "Residents who lost power in the storm say the utility ignored their calls for days.",
        "indirect",
        "the utility ignored their calls for days",
        "Residents who lost power in the storm",
        "speaker_cue_clause",
    );
}

#[test]
fn party_and_state_after_a_name_before_the_cue() {
    check(
        "\u{201C}The bill is dead,\u{201D} Sen. Maria Ortega (D-Mo.) said Friday.",
        "direct",
        "The bill is dead,",
        "Sen. Maria Ortega",
        "quote_speaker_cue",
    );
}

#[test]
fn noun_phrase_speaker_after_a_quote() {
    check(
        "\u{201C}Who pays for the bridge?\u{201D} a narrator in the council's ad asks.",
        "direct",
        "Who pays for the bridge?",
        "a narrator in the council's ad",
        "quote_speaker_cue",
    );
    // A preposition after the quote is not a speaker (`despite expressing`).
    let r = rows("He \"welcomed the plan,\" despite expressing \"concern\" over the cost.");
    assert!(r.iter().all(|row| row.2 != "despite"), "{r:?}");
}

#[test]
fn quotes_signed_with_a_dash_and_a_name() {
    let text = "\u{201C}The ferry should run all night.\u{201D} \u{2015} Lena Ortiz\n\n\
                \u{201C}Fix the roads first.\u{201D} \u{2014} Tomas K. Brandt.";
    let r = rows(text);
    let signed: Vec<(&str, &str)> = r
        .iter()
        .map(|row| (row.2.as_str(), row.4.as_str()))
        .collect();
    assert_eq!(
        signed,
        vec![
            ("Lena Ortiz", "dash_signature"),
            ("Tomas K. Brandt", "dash_signature")
        ]
    );
    // A dash followed by a sentence is not a signature.
    let r = rows("\u{201C}Fix the roads.\u{201D} \u{2014} Then the council voted.");
    assert!(r.iter().all(|row| row.4 != "dash_signature"), "{r:?}");
}

#[test]
fn reporting_participle_after_a_comma_opens_its_own_report() {
    let r = rows(
        "The mayor rejected the audit, writing that the council had ignored the budget rules.",
    );
    let contents: Vec<(&str, &str)> = r
        .iter()
        .map(|row| (row.1.as_str(), row.4.as_str()))
        .collect();
    assert!(
        contents.contains(&(
            "the council had ignored the budget rules",
            "participle_clause"
        )),
        "{r:?}"
    );
    assert!(r.iter().all(|row| !row.1.contains("writing")), "{r:?}");
}

#[test]
fn words_after_a_quote_cue_are_not_a_report() {
    // `he said as the crowd booed`: the cue belongs to the quotation.
    let r = rows("\"We will win this county,\" he said as the crowd booed loudly.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "direct");
    assert_eq!(r[0].4, "quote_speaker_cue");
}

#[test]
fn subjects_with_time_phrases_appositions_and_quantities() {
    check(
        "Spokesman Ravi Patel on Thursday evening said the cranes were back in service.",
        "indirect",
        "the cranes were back in service",
        "Spokesman Ravi Patel",
        "speaker_cue_clause",
    );
    check(
        "Nora Lind, 52, a ferry captain who has worked the northern route for two decades, said the new schedule was unsafe.",
        "indirect",
        "the new schedule was unsafe",
        "Nora Lind",
        "speaker_cue_clause",
    );
    // A pronoun or `and` right at the start of the clause is its subject, not a cut.
    check(
        "Ada Park said she and many of her neighbors are collecting money for the shelter.",
        "indirect",
        "she and many of her neighbors are collecting money for the shelter",
        "Ada Park",
        "speaker_cue_clause",
    );
    check(
        "The council faces a town in which 61 percent of residents say the tax is unfair.",
        "indirect",
        "the tax is unfair",
        "61 percent of residents",
        "speaker_cue_clause",
    );
}

#[test]
fn mixed_report_ends_before_a_participle_after_its_quotation() {
    let r = rows(
        "The mayor said the ferry had \"saved the island,\" adding that the subsidy would stay.",
    );
    let mixed: Vec<&str> = r
        .iter()
        .filter(|row| row.0 == "mixed")
        .map(|row| row.1.as_str())
        .collect();
    assert_eq!(mixed, vec!["the ferry had \"saved the island,\""], "{r:?}");
    assert!(
        r.iter()
            .any(|row| row.1 == "the subsidy would stay" && row.4 == "participle_clause"),
        "{r:?}"
    );
}

#[test]
fn by_and_a_gerund_stays_in_the_report() {
    check(
        "Ana Ruiz said the port could grow by dredging the channel every spring.",
        "indirect",
        "the port could grow by dredging the channel every spring",
        "Ana Ruiz",
        "speaker_cue_clause",
    );
}

#[test]
fn report_boundaries_inside_the_clause() {
    // A leading subordinate clause's comma is not the end of the report.
    check(
        "Ana Ruiz said if the levy passes, she would expand the night ferry.",
        "indirect",
        "if the levy passes, she would expand the night ferry",
        "Ana Ruiz",
        "speaker_cue_clause",
    );
    // `this` after the cue is the clause's subject, not a time word.
    check(
        "Ana Ruiz said this was the best harbor budget in a decade.",
        "indirect",
        "this was the best harbor budget in a decade",
        "Ana Ruiz",
        "speaker_cue_clause",
    );
    // A title in quotation marks inside the speaker's apposition.
    let r = rows(
        "Lee Chan, the author of \"Harbor Lights,\" a history of the port, said the old pier was built in 1880.",
    );
    assert!(
        r.iter().any(|row| row.0 == "indirect"
            && row.1 == "the old pier was built in 1880"
            && row.2 == "Lee Chan"),
        "{r:?}"
    );
}

#[test]
fn call_on_and_point_to_report_their_objects() {
    check(
        "The mayor called on the council to fund the night ferry.",
        "indirect",
        "the council to fund the night ferry",
        "The mayor",
        "speaker_cue_clause",
    );
    check(
        "Ana Ruiz pointed to the rising cost of fuel for the island ferries.",
        "indirect",
        "the rising cost of fuel for the island ferries",
        "Ana Ruiz",
        "speaker_cue_clause",
    );
}

#[test]
fn a_quotation_after_an_attribution_is_not_a_parenthetical_report() {
    check(
        "In a statement on Friday, a senior official said, \"We will not comment on the audit.\"",
        "direct",
        "We will not comment on the audit.",
        "a senior official",
        "speaker_cue_quote",
    );
}

/// (speaker name, affiliation) of every attributed row of `text`.
fn affiliations(text: &str) -> Vec<(String, String)> {
    let doc = Document::new("t", text);
    let lex = Lexicons::embedded();
    let seg = segment(&doc, lex);
    attribute(&doc, &seg, lex)
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .map(|s| {
            (
                s.name.clone().unwrap_or_default(),
                s.affiliation.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn organisations_named_next_to_a_person_or_speaking_themselves() {
    // An apposition names the employer.
    assert_eq!(
        affiliations(
            "Kenji Arai, an analyst at Tokai Ferry Securities, said the fares would rise."
        ),
        vec![(
            "Kenji Arai".to_string(),
            "Tokai Ferry Securities".to_string()
        )]
    );
    // An organisation name the lexicons do not know speaks for itself.
    assert_eq!(
        affiliations("The Free Fare Movement said the ferry should be free for pupils."),
        vec![(
            "Free Fare Movement".to_string(),
            "Free Fare Movement".to_string()
        )]
    );
    // A generic body takes the country that owns it.
    let found = affiliations("Germany's Defence Ministry said the frigate would sail in May.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Germany");
    // A role before the name, with the organisation before the role.
    assert_eq!(
        affiliations("Harbor Pilots Association spokesperson Mia Roth said the channel was safe."),
        vec![(
            "Mia Roth".to_string(),
            "Harbor Pilots Association".to_string()
        )]
    );
}

#[test]
fn quote_resumed_after_a_long_apposition() {
    let r = rows(
        "\"The plan was doomed,\" said Kevin Barrow, a lawyer at Bailey & Grant, who represents the harbor authority in the bankruptcy cases. \"It was destined to fail.\"",
    );
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(
        (r[0].1.as_str(), r[0].2.as_str(), r[0].4.as_str()),
        (
            "The plan was doomed, | It was destined to fail.",
            "Kevin Barrow",
            "interrupted"
        )
    );
}

#[test]
fn a_quote_with_its_own_cue_does_not_resume_the_previous_one() {
    let r = rows(
        "\"We should close the pier,\" said the woman, who did not want to be named. \"Too much traffic,\" she said.",
    );
    let contents: Vec<&str> = r.iter().map(|row| row.1.as_str()).collect();
    assert_eq!(
        contents,
        vec!["We should close the pier,", "Too much traffic,"],
        "{r:?}"
    );
}

#[test]
fn a_name_and_a_colon_before_a_quotation() {
    let r = rows(
        "The debate turned to the harbor. Ortiz: \"We will dredge it this year.\" Brandt: \"Not with my budget.\"",
    );
    let named: Vec<(&str, &str)> = r
        .iter()
        .map(|row| (row.2.as_str(), row.4.as_str()))
        .collect();
    assert_eq!(
        named,
        vec![("Ortiz", "name_colon"), ("Brandt", "name_colon")],
        "{r:?}"
    );
}

#[test]
fn a_quotation_opened_in_a_report_runs_to_its_closing_mark() {
    let r = rows(
        "Ortiz added that she was the only one \"fighting for the ferry. I will tell you this, it stays.\" The vote is Monday.",
    );
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "mixed");
    assert_eq!(
        r[0].1,
        "she was the only one \"fighting for the ferry. I will tell you this, it stays.\""
    );
}

#[test]
fn a_colon_inside_a_report_continues_it_unless_a_quotation_follows() {
    check(
        "Ana Ruiz said the plan fails for one reason: the ferry cannot carry trucks.",
        "indirect",
        "the plan fails for one reason: the ferry cannot carry trucks",
        "Ana Ruiz",
        "speaker_cue_clause",
    );
    let r = rows("Ana Ruiz said the plan fails for one reason: \"The ferry cannot carry trucks.\"");
    assert!(
        r.iter()
            .any(|row| row.0 == "direct" && row.1 == "The ferry cannot carry trucks."),
        "{r:?}"
    );
}

#[test]
fn a_topic_preposition_joins_the_cue_not_the_content() {
    // `adjuncts.csv`, role `topic`: `warned about X` reports X.
    check(
        "The senator warned about the rising cost of insulin for older patients.",
        "indirect",
        "the rising cost of insulin for older patients",
        "The senator",
        "speaker_cue_clause",
    );
    let doc = Document::new(
        "t",
        "Union leaders argued against the new pension rules on Monday.",
    );
    let lex = Lexicons::embedded();
    let seg = segment(&doc, lex);
    let quotes = attribute(&doc, &seg, lex);
    let cue = quotes[0].cue.expect("a cue").slice(&doc.text);
    assert_eq!(cue, "argued against");
    // After `say` a preposition is circumstance: no report.
    assert!(rows("The mayor said about an hour later.").is_empty());
}

#[test]
fn a_report_after_but_has_the_sentence_subject() {
    check(
        "The minister praised the deal but said it would not lower prices this year.",
        "indirect",
        "it would not lower prices this year",
        "The minister",
        "participle_clause",
    );
}

#[test]
fn naming_with_called_is_not_speech() {
    assert!(
        rows("A warm-up band called Sophistafunk got the crowd to dance for an hour.").is_empty()
    );
    assert!(
        rows("He founded a group called the Citizens League, which expects 5,000 members.")
            .is_empty()
    );
    // A definite speaker still reports with `called`.
    let (kind, _, mention, _, _) =
        one("The senator called the tax plan a giveaway to the richest families in the state.");
    assert_eq!(
        (kind.as_str(), mention.as_str()),
        ("indirect", "The senator")
    );
}

#[test]
fn words_about_the_source_after_according_to_are_not_content() {
    let r = rows(
        "Turnout fell in every district, according to a report from WKOW, the ABC affiliate in Madison.",
    );
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "Turnout fell in every district");
    // A clause interrupted by its source goes on after it.
    let r = rows("Precedents at risk, according to Ms. Epstein, are sixteen cases from the 1990s.");
    assert_eq!(
        r[0].1,
        "Precedents at risk | are sixteen cases from the 1990s"
    );
}

#[test]
fn a_title_of_several_words_and_two_joined_names_belong_to_the_speaker() {
    check(
        "\"We will win,\" campaign manager Robby Mook wrote.",
        "direct",
        "We will win,",
        "campaign manager Robby Mook",
        "quote_speaker_cue",
    );
    check(
        "Maria Lopez and Tom Fischer said the dam would not hold another winter.",
        "indirect",
        "the dam would not hold another winter",
        "Maria Lopez and Tom Fischer",
        "speaker_cue_clause",
    );
}

#[test]
fn a_question_put_to_someone_is_reported_without_an_asker() {
    let r =
        rows("Asked whether the harbor would reopen, the mayor said repairs would take a year.");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(
        (
            r[0].0.as_str(),
            r[0].1.as_str(),
            r[0].2.as_str(),
            r[0].4.as_str()
        ),
        ("indirect", "whether the harbor would reopen", "", "asked")
    );
    assert_eq!(r[1].1, "repairs would take a year");
    assert_eq!(r[1].2, "the mayor");
    // After `said … when asked`, the question is the report, not the rest of the cue's clause.
    let r = rows("\"Not yet,\" Ms. Ortiz said when asked about the cost of the new bridge.");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(
        (r[1].1.as_str(), r[1].4.as_str()),
        ("about the cost of the new bridge", "asked")
    );
    // `asked` with its own subject is an ordinary cue (`asked whether` is one cue phrase).
    check(
        "The judge asked whether the witness had been paid.",
        "indirect",
        "the witness had been paid",
        "The judge",
        "speaker_cue_clause",
    );
}

#[test]
fn a_report_inside_an_opening_subordinate_clause_ends_with_it() {
    let r =
        rows("While critics argue that the levy hurts farmers, the council has voted to keep it.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "the levy hurts farmers");
    assert_eq!(r[0].2, "critics");
}

#[test]
fn writers_words_before_a_quotation_with_a_tail_cue_make_a_mixed_report() {
    check(
        "The new tariff will be \"a disaster for growers,\" Lena Hart said.",
        "mixed",
        "The new tariff will be \"a disaster for growers,\"",
        "Lena Hart",
        "quote_speaker_cue",
    );
    // An opening adjunct is not part of what was said.
    check(
        "In an interview, \"we will rebuild,\" the mayor said.",
        "direct",
        "we will rebuild,",
        "the mayor",
        "quote_speaker_cue",
    );
}

#[test]
fn a_second_report_joined_by_a_conjunction_is_cut_off_the_first() {
    let r = rows(
        "The group claimed responsibility for the fire but police officials have said they doubt the claim.",
    );
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].1, "responsibility for the fire");
    assert_eq!(
        (r[1].1.as_str(), r[1].2.as_str()),
        ("they doubt the claim", "police officials")
    );
}

#[test]
fn speakers_with_quantities_participles_and_name_like_auxiliaries() {
    let mention = |text: &str| one(text).2;
    assert_eq!(
        mention("In Ohio, about half of the farmers said they expect a poor harvest."),
        "about half of the farmers"
    );
    assert_eq!(
        mention("More than a third of voters said they want a change."),
        "More than a third of voters"
    );
    assert_eq!(
        mention("Most voters polled said they were unlikely to vote."),
        "Most voters polled"
    );
    assert_eq!(
        mention("Rosa May, a nurse, said she was exhausted."),
        "Rosa May"
    );
    assert_eq!(mention("And he's predicting that rates will fall."), "he's");
    assert_eq!(
        mention("Another notes that the vote was never held."),
        "Another"
    );
}

#[test]
fn events_with_a_topic_and_verbs_after_but_have_report() {
    check(
        "She talked of reforms to protect small farms from the drought.",
        "indirect",
        "reforms to protect small farms from the drought",
        "She",
        "speaker_cue_clause",
    );
    let r = rows(
        "Engineers have rejected the company's claims, but have warned that the dam is aging.",
    );
    let last = r.last().expect("a report");
    assert_eq!(
        (last.1.as_str(), last.2.as_str()),
        ("the dam is aging", "Engineers")
    );
}

#[test]
fn descriptors_adverbs_and_sources_around_a_quotation() {
    // Lower-case descriptors between the closing mark and the name belong to the speaker.
    check(
        "\"The ferry will not sail,\" former harbour pilot Ines Moraga said.",
        "direct",
        "The ferry will not sail,",
        "former harbour pilot Ines Moraga",
        "quote_speaker_cue",
    );
    // A manner adverb between the speaker and the cue.
    check(
        "Ortega jokingly said, \"I will need a bigger boat.\"",
        "direct",
        "I will need a bigger boat.",
        "Ortega",
        "speaker_cue_quote",
    );
    // `According to X, "…"`: the source follows the cue.
    check(
        "According to the harbour board, \"the pier is safe for foot traffic.\"",
        "direct",
        "the pier is safe for foot traffic.",
        "the harbour board",
        "according_to",
    );
}

#[test]
fn a_colon_ending_the_paragraph_introduces_the_next_quotation() {
    let text = "In a 1998 speech, the governor declared:\n\n\"We will not close a single school.\"";
    let r = rows(text);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(
        (r[0].1.as_str(), r[0].2.as_str(), r[0].4.as_str()),
        (
            "We will not close a single school.",
            "the governor",
            "speaker_cue_quote"
        )
    );
    // Without the colon the paragraph before says nothing about the quotation.
    let r = rows("In a 1998 speech, the governor spoke.\n\n\"We will not close a school.\"");
    assert_eq!(r.last().map(|q| q.4.as_str()), Some("none"), "{r:?}");
}

#[test]
fn a_topic_after_the_cue_is_not_the_speaker() {
    // `said of Cruz`: `of` never opens a speaker phrase.
    let r = rows("\"He had a lot of supporters here,\" Blunt, after a long pause, said of Cruz.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!((r[0].0.as_str(), r[0].2.as_str()), ("direct", "Blunt"));
}

#[test]
fn negated_auxiliaries_long_subjects_and_adjuncts_before_that() {
    check(
        "Union spokesman Tom Reyes wouldn't say when the ferry will sail again.",
        "indirect",
        "when the ferry will sail again",
        "Union spokesman Tom Reyes",
        "speaker_cue_clause",
    );
    check(
        "The ferry operator has been warning that the pier is running out of money.",
        "indirect",
        "the pier is running out of money",
        "The ferry operator",
        "speaker_cue_clause",
    );
    check(
        "A person familiar with the planning for Monday's meeting says the talks will focus on wages.",
        "indirect",
        "the talks will focus on wages",
        "A person familiar with the planning for Monday's meeting",
        "speaker_cue_clause",
    );
    check(
        "The union has said for months that it sees no reason to strike.",
        "indirect",
        "it sees no reason to strike",
        "The union",
        "speaker_cue_clause",
    );
    // A manner adverb after an auxiliary; `Now that …,` opens a subordinate clause.
    let r = rows(
        "Now that the mayor has repeatedly promised that the pier will reopen, the council has moved on.",
    );
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(
        (r[0].1.as_str(), r[0].2.as_str()),
        ("the pier will reopen", "the mayor")
    );
    let r = rows("Now that the mayor has ridiculously claimed that the pier is safe, we can go.");
    assert_eq!(
        r.first().map(|q| (q.1.as_str(), q.2.as_str())),
        Some(("the pier is safe", "the mayor"))
    );
}

#[test]
fn as_a_speaker_noted_opens_a_report() {
    check(
        "As the harbour board noted on Monday, the pier will reopen in the spring.",
        "indirect",
        "the pier will reopen in the spring",
        "the harbour board",
        "as_speaker_cue",
    );
    check(
        "As she put it, the ferry is the island's lifeline.",
        "indirect",
        "the ferry is the island's lifeline",
        "she",
        "as_speaker_cue",
    );
    // `As expected` has no speaker and no cue.
    assert!(rows("As expected, the council voted for the plan.").is_empty());
    // An adverb before a participle after a comma.
    check(
        "The mayor spoke at length, falsely suggesting that the pier was safe.",
        "indirect",
        "the pier was safe",
        "The mayor",
        "participle_clause",
    );
}

#[test]
fn a_tail_speaker_with_a_long_apposition() {
    let r = rows("Ferry fares will rise by a third next year, said Ana Ruiz, an analyst who has written books, papers and columns on the port.");
    assert_eq!(
        r.first()
            .map(|q| (q.0.as_str(), q.1.as_str(), q.2.as_str())),
        Some((
            "indirect",
            "Ferry fares will rise by a third next year",
            "Ana Ruiz"
        )),
        "{r:?}"
    );
}

#[test]
fn heading_labels_before_a_colon_name_no_speaker() {
    let r = rows("Ferry fares rise\n\nUPDATE: The ferry company has withdrawn the fare increase.\n\nBYLINE: Ana Ruiz.\n\nRUIZ: Will the fares rise again next year?");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!((r[0].2.as_str(), r[0].4.as_str()), ("RUIZ", "transcript"));
}

#[test]
fn aspect_verbs_and_clauses_between_commas() {
    check(
        "The union continued to insist that the strike would go ahead.",
        "indirect",
        "the strike would go ahead",
        "The union",
        "speaker_cue_clause",
    );
    // `CNN, Trump attacked Cruz,` is not a name with an apposition.
    check(
        "In an interview with the Gazette, Ortega attacked the plan, saying the pier was unsafe.",
        "indirect",
        "the pier was unsafe",
        "Ortega",
        "participle_clause",
    );
}

#[test]
fn a_prepositional_phrase_between_auxiliary_and_cue() {
    let r = rows("The mayor has in the past described the pier as safe for foot traffic.");
    assert_eq!(r.first().map(|q| q.2.as_str()), Some("The mayor"), "{r:?}");
}

#[test]
fn a_colon_inside_the_sentence_introduces_a_quotation() {
    check(
        "The delay does not surprise veteran pollster Ines Moraga: \"Ferries always run late in winter.\"",
        "direct",
        "Ferries always run late in winter.",
        "veteran pollster Ines Moraga",
        "colon",
    );
    check(
        "The mayor demurred: \"Whichever pier I am standing on.\"",
        "direct",
        "Whichever pier I am standing on.",
        "The mayor",
        "colon",
    );
    // A noun before the colon is no verb, and `three` is no subject.
    let r = rows("The plan has three parts: \"housing, transport and schools.\"");
    assert_eq!(r.first().map(|q| q.4.as_str()), Some("none"), "{r:?}");
}

#[test]
fn a_programme_named_after_the_cue_is_not_a_quotation_of_the_speaker() {
    let r =
        rows("\"We will rebuild,\" the mayor said on \"Harbour Talk.\" \"The pier comes first.\"");
    let methods: Vec<(&str, &str)> = r.iter().map(|q| (q.1.as_str(), q.4.as_str())).collect();
    assert_eq!(
        methods,
        [
            ("We will rebuild,", "quote_speaker_cue"),
            ("Harbour Talk.", "none"),
            ("The pier comes first.", "continuation")
        ]
    );
}

#[test]
fn a_capitalised_auxiliary_after_a_closing_mark_is_a_name() {
    check(
        "\"We will rebuild the pier,\" Will said.",
        "direct",
        "We will rebuild the pier,",
        "Will",
        "quote_speaker_cue",
    );
}

#[test]
fn a_programme_after_a_possessive_medium_is_not_the_speakers_words() {
    let r = rows("\"We will rebuild,\" the mayor said on KXL's \"Harbour Talk.\"");
    let methods: Vec<&str> = r.iter().map(|q| q.4.as_str()).collect();
    assert_eq!(methods, ["quote_speaker_cue", "none"], "{r:?}");
    // A possessive alone introduces the owner's words.
    let r = rows("Voters remember Ortega's promise of \"a safe pier\" from last year.");
    assert_eq!(r.first().map(|q| q.2.as_str()), Some("Ortega's"), "{r:?}");
}

#[test]
fn tail_attributions_with_a_listener_or_a_relative_clause() {
    check(
        "The ferry will sail on Monday, a harbour spokesman told the Gazette.",
        "indirect",
        "The ferry will sail on Monday",
        "a harbour spokesman",
        "clause_speaker_cue",
    );
    check(
        "The ferry will sail on Monday, the captain told her.",
        "indirect",
        "The ferry will sail on Monday",
        "the captain",
        "clause_speaker_cue",
    );
    let r = rows("The pier is safe for foot traffic, said an engineer who inspected it on Monday.");
    assert_eq!(
        r.first().map(|q| (q.1.as_str(), q.4.as_str())),
        Some(("The pier is safe for foot traffic", "clause_cue_speaker")),
        "{r:?}"
    );
}

#[test]
fn a_tail_opened_by_as() {
    check(
        "The pier will reopen in May, as the mayor said on Monday.",
        "indirect",
        "The pier will reopen in May",
        "the mayor",
        "clause_speaker_cue",
    );
    assert!(rows("The pier will reopen in May, as expected.").is_empty());
}

#[test]
fn adverbs_and_durations_between_cue_and_clause() {
    check(
        "The mayor now says, however, that the pier will stay shut.",
        "indirect",
        "the pier will stay shut",
        "The mayor",
        "speaker_cue_clause",
    );
    check(
        "The union has said for weeks it will not strike.",
        "indirect",
        "it will not strike",
        "The union",
        "speaker_cue_clause",
    );
    check(
        "The captain further alleges that he was fired.",
        "indirect",
        "he was fired",
        "The captain",
        "speaker_cue_clause",
    );
}

#[test]
fn a_report_before_a_question_ends_where_the_question_opens() {
    let r = rows(
        "The mayor said she had not seen the flooded pier, and when asked whether she would \
         close it, she said, \"Not yet.\"",
    );
    let got: Vec<(&str, &str, &str)> = r
        .iter()
        .map(|(k, c, _, _, m)| (k.as_str(), c.as_str(), m.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "indirect",
                "she had not seen the flooded pier",
                "speaker_cue_clause"
            ),
            ("indirect", "whether she would close it", "asked"),
            ("direct", "Not yet.", "speaker_cue_quote"),
        ],
    );
}

#[test]
fn a_tail_attribution_with_a_quotation_after_it_introduces_the_quotation() {
    // Two apostrophes stand for a double mark in some archives.
    let r = rows("The ferry left late, and the captain said, ''We had no choice.''");
    assert!(
        r.iter()
            .all(|(_, c, _, _, _)| c != "The ferry left late, and the captain said"),
        "{r:?}"
    );
    assert!(
        r.iter()
            .any(|(k, c, _, _, _)| k == "direct" && c == "We had no choice."),
        "{r:?}"
    );
}

#[test]
fn speakers_with_complements_and_shares() {
    check(
        "The council will revisit the budget, a source close to him said.",
        "indirect",
        "The council will revisit the budget",
        "a source close to him",
        "clause_speaker_cue",
    );
    check(
        "Nine in 10 registered voters say they want a new bridge.",
        "indirect",
        "they want a new bridge",
        "Nine in 10 registered voters",
        "speaker_cue_clause",
    );
    check(
        "Voters in Ohio say they want a new bridge.",
        "indirect",
        "they want a new bridge",
        "Voters in Ohio",
        "speaker_cue_clause",
    );
}

#[test]
fn long_subjects_quantities_and_places_before_the_cue() {
    check(
        "The organizer of a rally said the new rules raised the risk of clashes.",
        "indirect",
        "the new rules raised the risk of clashes",
        "The organizer of a rally",
        "speaker_cue_clause",
    );
    check(
        "About four out of 10 voters said the ferry should run at night.",
        "indirect",
        "the ferry should run at night",
        "About four out of 10 voters",
        "speaker_cue_clause",
    );
    check(
        "Several people I've spoken with over the last couple of weeks said the mayor will resign.",
        "indirect",
        "the mayor will resign",
        "Several people I've spoken with over the last couple of weeks",
        "speaker_cue_clause",
    );
    check(
        "Lena Ortiz, 41, of Mobile, Ala., says her biggest worry is the rent.",
        "indirect",
        "her biggest worry is the rent",
        "Lena Ortiz",
        "speaker_cue_clause",
    );
    check(
        "Sen. Ann Holt (D-Vt.), said after a lunch on Tuesday that she had not read the bill.",
        "indirect",
        "she had not read the bill",
        "Sen. Ann Holt",
        "speaker_cue_clause",
    );
    check(
        "People with direct knowledge of the talks said that the port deal was close.",
        "indirect",
        "the port deal was close",
        "People with direct knowledge of the talks",
        "speaker_cue_clause",
    );
    check(
        "The good news is that 60 percent of drivers in a city survey said they feel safe.",
        "indirect",
        "they feel safe",
        "60 percent of drivers in a city survey",
        "speaker_cue_clause",
    );
}

#[test]
fn short_parenthetical_reports_possessive_tails_and_then() {
    check(
        "This harbor, she says, is different.",
        "indirect",
        "This harbor | is different",
        "she",
        "parenthetical",
    );
    check(
        "The bridge will close, the Ohio governor's aides say.",
        "indirect",
        "The bridge will close",
        "the Ohio governor's aides",
        "clause_speaker_cue",
    );
    check(
        "Mayor Diaz toured the pier, then says she will fund the repairs.",
        "indirect",
        "she will fund the repairs",
        "Mayor Diaz",
        "participle_clause",
    );
}

#[test]
fn a_verb_with_a_speaker_subject_governs_the_clause_around_a_scare_quote() {
    check(
        "Senator Maria Lopez likened the proposal to a \u{201C}blank check\u{201D} for the utilities.",
        "mixed",
        "the proposal to a \u{201C}blank check\u{201D} for the utilities",
        "Senator Maria Lopez",
        "governed",
    );
    // Two quotations in one governed clause make one row.
    check(
        "Senator Lopez has been pounding the board as \"reckless\" and \"out of touch\" all week.",
        "mixed",
        "the board as \"reckless\" and \"out of touch\" all week",
        "Senator Lopez",
        "governed",
    );
    // A reporting verb right before the quotation takes it as its whole object: the clause
    // of a verb further back does not swallow it.
    let (kind, content, ..) =
        one("Senator Ruiz was back to boasting about \"winning\" at every stop.");
    assert_eq!((kind.as_str(), content.as_str()), ("direct", "winning"));
}

#[test]
fn scare_quotes_that_nobody_chose_stay_unattributed() {
    for text in [
        // A passive subject did not choose the words.
        "The minister was featured in the documentary \"Harbor Lights\" last year.",
        // A title of a work is a name, not speech.
        "Officials canceled the show \"Morning Market Hour\" after one season.",
        // A subject that names no one.
        "The job market has plenty of \"room to grow\" this year.",
        // Only a reporting verb takes the quotation as its object.
        "The judge ordered the release of documents including \"playbooks\" from the firm.",
    ] {
        let (kind, _, mention, _, method) = one(text);
        assert_eq!(
            (kind.as_str(), mention.as_str(), method.as_str()),
            ("direct", "", "none"),
            "{text}"
        );
    }
}

#[test]
fn since_after_an_auxiliary_a_comma_before_that_and_late_as_a_time_word() {
    check(
        "The mayor has since said she would not seek a third term.",
        "indirect",
        "she would not seek a third term",
        "The mayor",
        "speaker_cue_clause",
    );
    check(
        "He added, that the ferry would run twice a day.",
        "indirect",
        "the ferry would run twice a day",
        "He",
        "speaker_cue_clause",
    );
    check(
        "Fares will rise in June, the transit agency reported late Thursday.",
        "indirect",
        "Fares will rise in June",
        "the transit agency",
        "clause_speaker_cue",
    );
}

#[test]
fn organisation_names_with_of_and_reports_as_reported_by() {
    check(
        "Prices rose sharply in May, the University of Lagos said.",
        "indirect",
        "Prices rose sharply in May",
        "the University of Lagos",
        "clause_speaker_cue",
    );
    check(
        "As first reported by the Harbor Gazette, the pier will close for a year.",
        "indirect",
        "the pier will close for a year",
        "the Harbor Gazette",
        "as_speaker_cue",
    );
    check(
        "The pier will close for a year, as reported by the Harbor Gazette.",
        "indirect",
        "The pier will close for a year",
        "the Harbor Gazette",
        "clause_speaker_cue",
    );
}

#[test]
fn a_report_that_is_one_quotation_attributes_it_as_a_direct_quote() {
    check(
        "A campaign official walked back the comments, saying that Ortiz \u{201C}did not mean it.\u{201D}",
        "direct",
        "did not mean it.",
        "A campaign official",
        "clause_cue",
    );
}

#[test]
fn an_apposition_may_hold_a_relative_clause_with_a_reporting_verb() {
    check(
        "Lena Ortiz, an economist who advised the council on the budget, said the deficit would shrink.",
        "indirect",
        "the deficit would shrink",
        "Lena Ortiz",
        "speaker_cue_clause",
    );
}

#[test]
fn middle_initials_inside_speaker_names_after_a_quotation() {
    check(
        "\"The count is final,\" Jeffrey M. Jones said.",
        "direct",
        "The count is final,",
        "Jeffrey M. Jones",
        "quote_speaker_cue",
    );
    // The initial `A.` is not the article.
    check(
        "\"The count is final,\" said James A. Baker, the board's counsel.",
        "direct",
        "The count is final,",
        "James A. Baker",
        "quote_cue_speaker",
    );
    check(
        "The count is final, said James A. Baker.",
        "indirect",
        "The count is final",
        "James A. Baker",
        "clause_cue_speaker",
    );
}

#[test]
fn a_verb_with_a_reporting_noun_and_a_participle_after_a_comma_introduce_quotes() {
    check(
        "The ministry released a brief statement: \"We regret the loss.\"",
        "direct",
        "We regret the loss.",
        "The ministry",
        "speaker_cue_quote",
    );
    check(
        "Ortiz bristled at the suggestion, saying, \"The advice I give is my own.\"",
        "direct",
        "The advice I give is my own.",
        "Ortiz",
        "clause_cue",
    );
    // An opening time phrase or participle is not the subject.
    let (_, _, mention, _, _) =
        one("Hours later, the mayor returned the call, saying, \"We are friends.\"");
    assert_eq!(mention, "the mayor");
}

#[test]
fn long_appositions_after_a_quotation_and_as_a_name_put_it() {
    check(
        "\"Nothing we do now would change it,\" Mara Voss, director of the Coastal Threats Project at the independent Harbor Policy Institute, said in an interview.",
        "direct",
        "Nothing we do now would change it,",
        "Mara Voss",
        "quote_speaker_cue",
    );
    check(
        "As the Gazette's Tom Reyes puts it, \"The council is unmoved.\"",
        "direct",
        "The council is unmoved.",
        "the Gazette's Tom Reyes",
        "as_speaker_cue",
    );
    // `put it` is a cue only in that frame.
    assert!(rows("As the mayor put it on the table, the vote began.").is_empty());
}

#[test]
fn the_issuer_of_a_statement_speaks_through_it() {
    check(
        "Senator Ana Ruiz issued a statement saying that the pier would stay closed.",
        "indirect",
        "the pier would stay closed",
        "Senator Ana Ruiz",
        "speaker_cue_clause",
    );
    // A report named as the subject keeps its name.
    check(
        "The report said fares would rise.",
        "indirect",
        "fares would rise",
        "The report",
        "speaker_cue_clause",
    );
}

#[test]
fn a_bare_cue_after_a_singular_phrase_is_a_noun_with_its_own_source() {
    // The possessor is the source.
    let (kind, _, mention, _, method) =
        one("Ortiz’s initial request that the council delay the vote was ignored.");
    assert_eq!(
        (kind.as_str(), mention.as_str(), method.as_str()),
        ("indirect", "Ortiz’s", "nominal")
    );
    // An adjective names nobody: no speaker rather than `nostalgic`.
    let (_, _, mention, _, method) = one("He sounded a nostalgic note that the party had changed.");
    assert_eq!((mention.as_str(), method.as_str()), ("", "nominal"));
    // A plural subject takes the bare verb.
    check(
        "Ortiz’s aides note that the race is close.",
        "indirect",
        "the race is close",
        "Ortiz’s aides",
        "speaker_cue_clause",
    );
}

#[test]
fn opening_phrases_with_a_cue_or_a_participle_do_not_hold_the_speaker() {
    // `posted Friday,` closes the opening phrase: the report is the next clause's.
    check(
        "In a Facebook message posted Friday, Ortiz said the pier would reopen.",
        "indirect",
        "the pier would reopen",
        "Ortiz",
        "speaker_cue_clause",
    );
    // A past participle opening the sentence is not its subject, and `Ortiz revised …`
    // between commas is a clause, not an apposition.
    check(
        "Chastened by the audit, Ortiz revised her plan, promising to cut fares.",
        "indirect",
        "to cut fares",
        "Ortiz",
        "participle_clause",
    );
}

#[test]
fn a_participle_after_a_tail_attribution_takes_the_speaker_not_a_word_in_the_quote() {
    let r = rows(
        "\u{201C}You cannot fix what you do not know,\u{201D} Ortiz said, emphasizing why the audit matters.",
    );
    let speakers: Vec<(&str, &str)> = r.iter().map(|q| (q.2.as_str(), q.4.as_str())).collect();
    assert_eq!(
        speakers,
        [
            ("Ortiz", "quote_speaker_cue"),
            ("Ortiz", "participle_clause")
        ]
    );
}

#[test]
fn a_lone_word_before_a_parenthetical_attribution_belongs_to_the_report() {
    check(
        "Voters, she said, should not have to worry about the banks.",
        "indirect",
        "Voters | should not have to worry about the banks",
        "she",
        "parenthetical",
    );
    check(
        "But, he said, the bridge will stay shut for weeks.",
        "indirect",
        "the bridge will stay shut for weeks",
        "he",
        "parenthetical",
    );
    // Both pieces count towards the words outside the quotation: a report, not a direct quote.
    check(
        "Regulators, Ms. Ruiz said, called the merger \u{201C}deeply worrying.\u{201D}",
        "mixed",
        "Regulators | called the merger \u{201C}deeply worrying.\u{201D}",
        "Ms. Ruiz",
        "parenthetical",
    );
}

#[test]
fn a_quantifier_after_and_starts_a_clause_only_before_a_verb() {
    check(
        "Ortiz said the fees charged by banks and others \u{201C}hurt every family.\u{201D}",
        "mixed",
        "the fees charged by banks and others \u{201C}hurt every family.\u{201D}",
        "Ortiz",
        "speaker_cue_clause",
    );
    let r = rows("Ortiz said the fees were unfair, and others have said the same about them.");
    let contents: Vec<&str> = r.iter().map(|q| q.1.as_str()).collect();
    assert_eq!(contents, ["the fees were unfair", "the same about them"]);
}

#[test]
fn a_time_phrase_between_speaker_cue_and_clause() {
    check(
        "The mayor, who in 2010 said the pier would reopen by spring, has changed her mind.",
        "indirect",
        "the pier would reopen by spring",
        "who",
        "speaker_cue_clause",
    );
    check(
        "Ortiz said in March the budget would be balanced.",
        "indirect",
        "the budget would be balanced",
        "Ortiz",
        "speaker_cue_clause",
    );
    // `said in August after …`: no clause follows the date; the cue reports nothing here.
    assert!(rows("Ortiz spoke in August after the plant closed.").is_empty());
    // `the last claim`: after an article and a time word the cue word is a noun.
    assert!(rows("The evidence for the last claim was a video clip.").is_empty());
}

#[test]
fn a_report_in_a_relative_clause_ends_at_its_comma_and_the_main_cue_takes_the_antecedent() {
    let r = rows(
        "Ortiz, who said the levy was unfair, told the council on Monday that she would repeal it.",
    );
    let got: Vec<(&str, &str)> = r.iter().map(|q| (q.1.as_str(), q.2.as_str())).collect();
    assert_eq!(
        got,
        [
            ("the levy was unfair", "who"),
            ("she would repeal it", "Ortiz")
        ]
    );
}

#[test]
fn a_participle_after_a_subordinator_takes_the_sentence_subject() {
    check(
        "Ortiz resigned on Friday after saying that the budget could not be balanced.",
        "indirect",
        "the budget could not be balanced",
        "Ortiz",
        "participle_clause",
    );
    check(
        "Ortiz voted for the levy despite admitting that it was unpopular with farmers.",
        "indirect",
        "it was unpopular with farmers",
        "Ortiz",
        "participle_clause",
    );
}

#[test]
fn a_short_answer_that_ends_the_sentence_is_the_report() {
    let r = rows("Asked whether the levy would stay, the mayor said no.");
    let got: Vec<(&str, &str)> = r.iter().map(|q| (q.1.as_str(), q.2.as_str())).collect();
    assert!(got.contains(&("no", "the mayor")), "{got:?}");
    // A time word is no answer; a short phrase before more of the sentence is no report.
    assert!(rows("That is what the mayor said yesterday.").is_empty());
    assert!(rows("It was, as the mayor said, a disaster.").is_empty());
}

#[test]
fn a_subject_with_an_apposition_before_said_is_no_inverted_tail() {
    check(
        "The city's former budget chief, Rosa Alvarez, said the official who replaced her should resign.",
        "indirect",
        "the official who replaced her should resign",
        "Rosa Alvarez",
        "speaker_cue_clause",
    );
    check(
        "The plan will fail, said Ortiz.",
        "indirect",
        "The plan will fail",
        "Ortiz",
        "clause_cue_speaker",
    );
}

#[test]
fn transcript_lines_led_by_a_repeated_capitalised_name() {
    let r = rows(
        "The panel met on Friday.\n\nMatthews: Well, speculation is bad for savers.\n\nLopez: No one thinks their pension is speculation.\n\nMatthews: Here is the irony of our time.",
    );
    let got: Vec<(&str, &str)> = r.iter().map(|q| (q.2.as_str(), q.4.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Matthews", "transcript"),
            ("Lopez", "transcript"),
            ("Matthews", "transcript")
        ]
    );
    // One line led by a name and a colon is no transcript.
    assert!(
        rows("The panel met on Friday.\n\nMatthews: speculation is bad for savers.").is_empty()
    );
}

#[test]
fn an_aside_after_a_dash_does_not_lengthen_a_tail_attribution() {
    check(
        "The levy will be repealed, the mayor said on Monday at a town meeting in Dover \u{2014} a reversal of her earlier support for the tax.",
        "indirect",
        "The levy will be repealed",
        "the mayor",
        "clause_speaker_cue",
    );
}

#[test]
fn add_to_means_increase_not_speech() {
    assert!(rows("Ortiz won the county on Tuesday, adding to her lead in the race.").is_empty());
    check(
        "Ortiz added that the lead would grow.",
        "indirect",
        "the lead would grow",
        "Ortiz",
        "speaker_cue_clause",
    );
}

#[test]
fn a_label_after_an_article_heads_no_headline_quote() {
    let r = rows(
        "The Latest: Ortiz to give away the city's old fire engine\nThe mayor spoke on Tuesday.",
    );
    assert!(r.iter().all(|q| q.4 != "headline_colon"), "{r:?}");
}

#[test]
fn a_declined_or_missing_answer_reports_its_topic() {
    check(
        "A city spokesman did not respond to requests for comment on the audit.",
        "indirect",
        "requests for comment on the audit",
        "spokesman",
        "speaker_cue_clause",
    );
    check(
        "Ortiz declined to comment on the reaction to the levy.",
        "indirect",
        "the reaction to the levy",
        "Ortiz",
        "speaker_cue_clause",
    );
}

#[test]
fn a_long_aside_between_subject_and_cue_keeps_the_opening_subject() {
    check(
        "The clerk of nearly ten years, a registered voter who spoke on the condition of anonymity for fear of reprisal, said she was dismissed in March.",
        "indirect",
        "she was dismissed in March",
        "The clerk of nearly ten years",
        "speaker_cue_clause",
    );
    // The head noun phrase speaks, not the names in its complement.
    check(
        "Yet some residents who have listened to Mayor Ortiz's speeches over the years, at the pier or on the radio, said she had less energy than they remembered.",
        "indirect",
        "she had less energy than they remembered",
        "some residents",
        "speaker_cue_clause",
    );
    // An inverted tail is not a lead report.
    let r = rows("The contrast with the council, said Ortiz and others, would be clear to voters.");
    assert!(
        r.iter().all(|q| q.3 != "The contrast with the council"),
        "{r:?}"
    );
}

#[test]
fn adjuncts_and_asides_before_the_complementizer() {
    check(
        "Ortiz said in an interview with The Harbor Gazette last week that the pier would reopen.",
        "indirect",
        "the pier would reopen",
        "Ortiz",
        "speaker_cue_clause",
    );
    check(
        "Her chief of staff Ana Li said — on the radio, as it happens — that the levy raised $4 million.",
        "indirect",
        "the levy raised $4 million",
        "Her chief of staff Ana Li",
        "speaker_cue_clause",
    );
    // A verb ends the adjunct: the `that` after `saying only` is not the first cue's.
    let r = rows(
        "Ortiz wouldn't say Tuesday how the city would spend the money, saying only that it was early.",
    );
    assert!(
        r.iter()
            .any(|q| q.1 == "how the city would spend the money" && q.2 == "Ortiz"),
        "{r:?}"
    );
}

#[test]
fn a_prepositional_aside_after_a_short_subject_is_part_of_the_report() {
    check(
        "The pollster Ana Li said Ortiz, despite her wealth, is better placed to win the harbor vote.",
        "indirect",
        "Ortiz, despite her wealth, is better placed to win the harbor vote",
        "The pollster Ana Li",
        "speaker_cue_clause",
    );
}

#[test]
fn a_day_or_month_is_never_the_resolved_speaker() {
    let (_, _, mention, name, _) = one(
        "Mayor Ana Ortiz met the board for the last time on Friday. He said the pier would reopen.",
    );
    assert_eq!((mention.as_str(), name.as_str()), ("He", "Ana Ortiz"));
    let (_, _, _, name, _) = one("The vote is on Super Tuesday. He said the race was over.");
    assert_eq!(name, "");
}

#[test]
fn a_pronoun_subject_ends_a_report_only_after_a_comma_and_a_conjunction() {
    check(
        "Ortiz said the levy would pass and she would sign it within a week.",
        "indirect",
        "the levy would pass and she would sign it within a week",
        "Ortiz",
        "speaker_cue_clause",
    );
    check(
        "Ortiz is promising lower fares and \"boats, boats, boats,\" but she has also raised the harbor levy.",
        "mixed",
        "lower fares and \"boats, boats, boats,\"",
        "Ortiz",
        "speaker_cue_clause",
    );
}

#[test]
fn a_name_then_asides_before_the_cue_after_a_quote() {
    check(
        "\"It is an invasion of the harbor's domain,\" Ana Ortiz, the mayor of Gull Island, one of the towns suing the board, said at an event.",
        "direct",
        "It is an invasion of the harbor's domain,",
        "Ana Ortiz",
        "quote_speaker_cue",
    );
    // A day after the cue is no inverted speaker.
    check(
        "\"The levy will pass,\" Ortiz, the mayor, said Tuesday.",
        "direct",
        "The levy will pass,",
        "Ortiz",
        "quote_speaker_cue",
    );
}

#[test]
fn a_first_person_possessive_opens_a_speaker_phrase() {
    check(
        "\"We live by the tides,\" my father often said.",
        "direct",
        "We live by the tides,",
        "my father",
        "quote_speaker_cue",
    );
}

#[test]
fn chants_songs_and_written_texts_attribute_their_quotes() {
    check(
        "\"What curfew?\" protesters chanted.",
        "direct",
        "What curfew?",
        "protesters",
        "quote_speaker_cue",
    );
    check(
        "\"The pier must reopen,\" the statement read.",
        "direct",
        "The pier must reopen,",
        "the statement",
        "quote_speaker_cue",
    );
}

#[test]
fn a_second_reporting_verb_between_two_quotes_keeps_them_apart() {
    let r = rows(
        "\"Keep your hands in sight,\" Blige sings to the crowd before asking them, \"Where do we go from here?\"",
    );
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[1].1, "Where do we go from here?");
    // Only the attribution between them: one quote in two pieces.
    let (_, content, _, _, method) =
        one("\"Keep your hands in sight,\" Blige sings to the crowd, \"and go home.\"");
    assert_eq!(
        (content.as_str(), method.as_str()),
        ("Keep your hands in sight, | and go home.", "interrupted")
    );
}

#[test]
fn a_participle_takes_the_name_its_sentence_verb_follows() {
    let (_, _, mention, _, method) = one(
        "At a town hall in Harwich, Gull Island, on Sunday, Mayor Ana Ortiz defended the levy, saying that the pier needed it.",
    );
    assert_eq!(
        (mention.as_str(), method.as_str()),
        ("Mayor Ana Ortiz", "participle_clause")
    );
    let (_, _, mention, _, _) = one(
        "Facing criticism from Harwich and Dover, Ana Ortiz released a statement, describing the levy as fair.",
    );
    assert_eq!(mention, "Ana Ortiz");
    // Not a pronoun inside an earlier report.
    let r = rows(
        "Ortiz, speaking to a harbor group, said she would order a review and warned against hackers from abroad.",
    );
    assert!(r.iter().all(|q| q.2 != "she"), "{r:?}");
}

#[test]
fn a_time_phrase_after_an_apposition_is_skipped_before_the_cue() {
    check(
        "Ana Ortiz, the harbor chair, this past week announced the creation of a ferry fund.",
        "indirect",
        "the creation of a ferry fund",
        "Ana Ortiz",
        "speaker_cue_clause",
    );
    let r =
        rows("Ortiz, who in the past has voiced doubts, told the board she would sign the levy.");
    assert!(r.iter().all(|q| q.2 != "past"), "{r:?}");
}

#[test]
fn a_short_quotation_inside_the_attribution_after_a_quote() {
    let r = rows(
        "\"We have had better fairs than this one,\" delegate Ana Ortiz, wearing \"Gull Island\" pins, said after the vote.",
    );
    assert_eq!(
        (r[0].1.as_str(), r[0].2.as_str(), r[0].4.as_str()),
        (
            "We have had better fairs than this one,",
            "delegate Ana Ortiz",
            "quote_speaker_cue"
        ),
        "{r:?}"
    );
    // The inner quotation names the pins; nobody says it.
    assert!(
        r.iter().any(|q| q.1 == "Gull Island" && q.4 == "none"),
        "{r:?}"
    );
}

#[test]
fn go_on_to_reports_only_before_a_reporting_verb() {
    assert!(rows("The Harbor Hawks went on to win the final and the cup.").is_empty());
    check(
        "Ortiz went on to explain that the pier would reopen.",
        "indirect",
        "the pier would reopen",
        "Ortiz",
        "speaker_cue_clause",
    );
}

#[test]
fn a_clickbait_label_heads_no_headline_quote() {
    let r =
        rows("Revealed: What the Harbor Board Minutes Actually Contain\nThe board met on Tuesday.");
    assert!(r.iter().all(|q| q.4 != "headline_colon"), "{r:?}");
}

#[test]
fn speakers_joined_by_and() {
    for (text, content, mention, method) in [
        (
            "The mayor pushed a reporter as she tried to ask about taxes, she and another reporter said.",
            "The mayor pushed a reporter as she tried to ask about taxes",
            "she and another reporter",
            "clause_speaker_cue",
        ),
        (
            "The plan failed in the spring, current and former officials said.",
            "The plan failed in the spring",
            "current and former officials",
            "clause_speaker_cue",
        ),
        (
            "The plan failed in the spring, Doyle and others said.",
            "The plan failed in the spring",
            "Doyle and others",
            "clause_speaker_cue",
        ),
        (
            "The plan failed in the spring, said Doyle and others.",
            "The plan failed in the spring",
            "Doyle and others",
            "clause_cue_speaker",
        ),
        (
            "Rivera and other officials said the plan failed in the spring.",
            "the plan failed in the spring",
            "Rivera and other officials",
            "speaker_cue_clause",
        ),
    ] {
        check(text, "indirect", content, mention, method);
    }
}

#[test]
fn short_and_pronoun_led_reports_after_say() {
    // An elliptical clause is a whole report; `that` before a verb is its subject.
    check(
        "Jeff Flake said he would.",
        "indirect",
        "he would",
        "Jeff Flake",
        "speaker_cue_clause",
    );
    check(
        "Christie said that was a natural part of having to run against him.",
        "indirect",
        "that was a natural part of having to run against him",
        "Christie",
        "speaker_cue_clause",
    );
    // A fronted adjunct belongs to the report; a speech event or a time is the speaker's.
    check(
        "Pence said in politics it takes time to develop those relationships.",
        "indirect",
        "in politics it takes time to develop those relationships",
        "Pence",
        "speaker_cue_clause",
    );
    check(
        "Pence said in a statement he would run again.",
        "indirect",
        "he would run again",
        "Pence",
        "speaker_cue_clause",
    );
    // (A subordinate clause after the cue is no report: `told a crowd … after she took the stage`.)
    assert!(rows("Ruiz told a crowd of 300 here on Tuesday after she took the stage.").is_empty());
    // (`a report that could …`: a relative pronoun, not a subject.)
    let r = rows("His office is preparing a report that could touch on the emails.");
    assert!(r.iter().all(|q| !q.1.starts_with("that")), "{r:?}");
}

#[test]
fn according_to_with_a_long_or_phrasal_source() {
    for (text, content, mention, method) in [
        (
            "But according to reports emerging in the news media, he could not convince the family.",
            "he could not convince the family",
            "reports emerging in the news media",
            "according_to",
        ),
        (
            "(According to the city police, it does not keep statistics on violations.)",
            "it does not keep statistics on violations",
            "the city police",
            "according_to",
        ),
        (
            "According to early results of the exit poll conducted by Edison Research for the Associated Press and Television Networks, Clinton led in both states.",
            "Clinton led in both states",
            "early results of the exit poll conducted by Edison Research for the Associated Press and Television Networks",
            "according_to",
        ),
        (
            "The plan would cost about $1.38 trillion a year, according to reports from the capital.",
            "The plan would cost about $1.38 trillion a year",
            "reports from the capital",
            "clause_according_to",
        ),
    ] {
        check(text, "indirect", content, mention, method);
    }
}

#[test]
fn an_addressee_before_an_infinitive_opens_the_report() {
    check(
        "During the service, pastor Charles Elliott asked the congregation to stand to honor Ali.",
        "indirect",
        "the congregation to stand to honor Ali",
        "Charles Elliott",
        "speaker_cue_clause",
    );
    check(
        "The mayor told the residents to go home before the storm.",
        "indirect",
        "the residents to go home before the storm",
        "The mayor",
        "speaker_cue_clause",
    );
    // A subordinate clause after the listener is the writer's, not the report.
    check(
        "This is not about me, President Obama told his closest advisers as he labored over the speech.",
        "indirect",
        "This is not about me",
        "President Obama",
        "clause_speaker_cue",
    );
    // An aside naming the listeners is skipped.
    let (_, content, ..) =
        one("The union asked the remaining candidates - Trump, Cruz and Kasich - why they did not respond.");
    assert_eq!(content, "why they did not respond");
    // (A question after the listener is still reported.)
    let (kind, content, ..) = one("Scarborough also asked Clinton if the rules were fair.");
    assert_eq!(
        (kind.as_str(), content.as_str()),
        ("indirect", "if the rules were fair")
    );
}

#[test]
fn a_cue_and_colon_report_the_next_paragraph() {
    let text = "The governor added:\n\nIt is typical of her. She knows nothing, but the mouth never stops.\n\nThe vote is on Friday.";
    check(
        text,
        "indirect",
        "It is typical of her. She knows nothing, but the mouth never stops",
        "The governor",
        "block_quote",
    );
    let text = "Rubio gave it a try, tweeting the following:\n\n<tweet author=\"@aide\">Crowd in Hialeah going wild for him as he arrives!</tweet>";
    check(
        text,
        "indirect",
        "Crowd in Hialeah going wild for him as he arrives!",
        "Rubio",
        "block_quote",
    );
    // A quotation after the colon is a direct quote; a colon without a cue reports nothing.
    check(
        "The mayor said:\n\n\"We will rebuild.\"",
        "direct",
        "We will rebuild.",
        "The mayor",
        "speaker_cue_quote",
    );
    assert!(rows("The schedule is as follows:\n\nMonday we rest and Tuesday we work.").is_empty());
}

#[test]
fn a_participle_after_a_dash_or_a_plain_noun_subject() {
    check(
        "Marco Rubio flipped his choice on the spot – saying he was rooting for the Broncos.",
        "indirect",
        "he was rooting for the Broncos",
        "Marco Rubio",
        "participle_clause",
    );
    check(
        "The departments declined to provide any documentation, saying they cannot discuss the case.",
        "indirect",
        "they cannot discuss the case",
        "The departments",
        "participle_clause",
    );
}

#[test]
fn an_adjunct_between_commas_after_say() {
    check(
        "Lewandowski said, in an interview on Sunday, that the aide should be held to account.",
        "indirect",
        "the aide should be held to account",
        "Lewandowski",
        "speaker_cue_clause",
    );
    check(
        "Marco Rubio says, win or lose in the Florida primary, he’s staying in the race.",
        "indirect",
        "win or lose in the Florida primary, he’s staying in the race",
        "Marco Rubio",
        "speaker_cue_clause",
    );
    check(
        "Rubio said, smiling, he would stay.",
        "indirect",
        "he would stay",
        "Rubio",
        "speaker_cue_clause",
    );
}

#[test]
fn a_participle_aside_after_the_speakers_name() {
    check(
        "Trump, speaking at a rally in Ohio, said: \"The plan will fail.\"",
        "direct",
        "The plan will fail.",
        "Trump",
        "speaker_cue_quote",
    );
    // (A clause between the commas is no aside: the participle has the sentence's subject.)
    check(
        "In an interview with CNN, Trump attacked Cruz, saying the plan would fail.",
        "indirect",
        "the plan would fail",
        "Trump",
        "participle_clause",
    );
}

#[test]
fn adverbs_long_and_yet_between_auxiliary_and_cue() {
    check(
        "Ortiz has long said that the pier will reopen.",
        "indirect",
        "the pier will reopen",
        "Ortiz",
        "speaker_cue_clause",
    );
    check(
        "Ortiz has not yet responded to the council's letter.",
        "indirect",
        "the council's letter",
        "Ortiz",
        "speaker_cue_clause",
    );
}

#[test]
fn a_catenative_verb_before_the_infinitive_cue() {
    check(
        "Ortiz declined to say whether the ferry would run in winter.",
        "indirect",
        "whether the ferry would run in winter",
        "Ortiz",
        "speaker_cue_clause",
    );
    check(
        "The harbor board was unwilling to say how much the repairs cost.",
        "indirect",
        "how much the repairs cost",
        "The harbor board",
        "speaker_cue_clause",
    );
    check(
        "Younger voters were more likely to say that the levy was fair.",
        "indirect",
        "the levy was fair",
        "Younger voters",
        "speaker_cue_clause",
    );
    // A catenative verb before a noun reports nothing.
    assert!(rows("Ortiz declined the invitation to the gala.").is_empty());
}

#[test]
fn a_share_of_a_relative_pronoun_speaks_inside_its_clause() {
    check(
        "Relatives of the crew, many of whom say the inquiry was rushed, gathered outside city hall.",
        "indirect",
        "the inquiry was rushed",
        "many of whom",
        "speaker_cue_clause",
    );
}

#[test]
fn a_semicolon_after_a_tail_cue_ends_the_attribution() {
    check(
        "The levy will pass easily, council staff say; in 2019, a similar levy failed.",
        "indirect",
        "The levy will pass easily",
        "council staff",
        "clause_speaker_cue",
    );
}

#[test]
fn a_possessive_and_a_reporting_noun_introduce_a_report() {
    check(
        "The mayor's call for a new bridge was rejected by the council.",
        "indirect",
        "a new bridge",
        "The mayor's",
        "nominal",
    );
    check(
        "Reporters examined the mayor's claim that the levy was temporary.",
        "indirect",
        "the levy was temporary",
        "the mayor's",
        "nominal",
    );
    // A possessive determiner resolves like a pronoun; an infinitive keeps its `to`.
    let r = rows("Mayor Ana Ortiz visited the docks. Later she renewed her promise to repave the harbor road.");
    let nominal: Vec<_> = r.iter().filter(|r| r.4 == "nominal").collect();
    assert_eq!(nominal.len(), 1, "{r:?}");
    assert_eq!(nominal[0].1, "to repave the harbor road");
    assert_eq!(
        (nominal[0].2.as_str(), nominal[0].3.as_str()),
        ("her", "Ana Ortiz")
    );
    // A quotation right after the noun is its direct quote, also after `his` or `her`.
    check(
        "Ortiz defended her call for \"a total overhaul\" of the port.",
        "direct",
        "a total overhaul",
        "her",
        "nominal",
    );
}

#[test]
fn a_noun_report_needs_a_boundary_in_a_subject_and_a_medium_reports_nothing() {
    // The main verb of a subject cannot be told from the noun's object: no row.
    assert!(rows("Ortiz's call for a new tax drew criticism.").is_empty());
    assert!(rows("The governor's claim that the levy was temporary was false.").is_empty());
    // `speech`, `email`, `letter` name how words were said, not what.
    assert!(rows("His speech to the dock workers ran long.").is_empty());
    assert!(rows("Ortiz read her letter to the council twice.").is_empty());
}

#[test]
fn an_infinitive_of_purpose_takes_the_sentences_subject() {
    check(
        "Ortiz used her speech to call for a new bridge.",
        "indirect",
        "a new bridge",
        "Ortiz",
        "participle_clause",
    );
    check(
        "The mayor took to the radio on Monday to say that the pier would reopen.",
        "indirect",
        "the pier would reopen",
        "The mayor",
        "participle_clause",
    );
}

#[test]
fn a_subject_with_a_participle_or_a_place_preposition_speaks_whole() {
    check(
        "Residents near the plant said the water was unsafe.",
        "indirect",
        "the water was unsafe",
        "Residents near the plant",
        "speaker_cue_clause",
    );
    check(
        "The residents living near the plant said that the water was unsafe.",
        "indirect",
        "the water was unsafe",
        "The residents living near the plant",
        "speaker_cue_clause",
    );
    check(
        "Voters interviewed outside the polls said the economy mattered most.",
        "indirect",
        "the economy mattered most",
        "Voters interviewed outside the polls",
        "speaker_cue_clause",
    );
}

#[test]
fn a_court_rules() {
    check(
        "The appeals court ruled on Friday that the harbor levy was lawful.",
        "indirect",
        "the harbor levy was lawful",
        "The appeals court",
        "speaker_cue_clause",
    );
}

#[test]
fn an_inverted_speaker_may_carry_a_short_place_phrase() {
    check(
        "The harbor has never been busier, says economist Lina Park in Oslo.",
        "indirect",
        "The harbor has never been busier",
        "economist Lina Park",
        "clause_cue_speaker",
    );
    // A clause after the phrase makes it a lead report, not an inverted tail.
    let r = rows(
        "Lina Park, an economist who advised the port, said the plan put forward by Oslo is weak.",
    );
    assert!(r.iter().all(|r| r.4 != "clause_cue_speaker"), "{r:?}");
}

#[test]
fn a_relative_clause_ending_in_a_quotation_closes_before_the_main_verb() {
    let r = rows("Ruiz, who called the plan \"a disaster,\" said she would vote against it.");
    let said: Vec<_> = r
        .iter()
        .filter(|r| r.1 == "she would vote against it")
        .collect();
    assert_eq!(said.len(), 1, "{r:?}");
    assert_eq!(
        (said[0].2.as_str(), said[0].4.as_str()),
        ("Ruiz", "speaker_cue_clause")
    );
    let called: Vec<_> = r.iter().filter(|r| r.2 == "who").collect();
    assert_eq!(called.len(), 1, "{r:?}");
    assert!(called[0].1.starts_with("the plan \"a disaster"), "{r:?}");
}
