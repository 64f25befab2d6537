//! Tests of the sentence splitter's language rules: semicolons, spaced
//! quotes, list numbers, periods inside words, word-like abbreviations,
//! subject pronouns, German lower-case words and emoticons.

use super::*;

/// The sentences of `text` in language `code`, checked to tile its tokens.
fn sents(code: &str, text: &str) -> Vec<String> {
    let tok = Tokenizer::default().with_lang(crate::Lang::from_code(code).unwrap());
    let (tokens, sentences) = tok.tokenize_with_sentences(text);
    let all: Vec<Sentence> = sentences.iter(&tokens).collect();
    for s in &all {
        assert_eq!(tokens[s.token_start()].start(), s.start());
        assert_eq!(tokens[s.token_end() - 1].end(), s.end());
    }
    assert_eq!(all.first().map(|s| s.token_start()), if tokens.is_empty() { None } else { Some(0) });
    assert!(all.windows(2).all(|w| w[0].token_end() == w[1].token_start()));
    assert_eq!(all.last().map_or(0, |s| s.token_end()), tokens.len());
    all.iter().map(|s| text[s.start()..s.end()].to_owned()).collect()
}

/// In French and Spanish a semicolon before a capitalised word ends a
/// sentence; before a lower-case word, and in English, it does not.
#[test]
fn semicolon_sentence_ends() {
    let fr = "Elle ne voulait rien dire ; Le train part à midi. Il pleut ; il vente.";
    assert_eq!(sents("fr", fr), ["Elle ne voulait rien dire ;", "Le train part à midi.", "Il pleut ; il vente."]);
    assert_eq!(sents("es", "Llegó tarde; Los demás ya comían."), ["Llegó tarde;", "Los demás ya comían."]);
    assert_eq!(sents("en", "He came late; The others ate."), ["He came late; The others ate."]);
}

/// A straight quote between spaces after a sentence's end closes it unless
/// another quote follows before the next end; written against the next
/// word, it opens.
#[test]
fn spaced_straight_quotes() {
    assert_eq!(sents("fr", "Quel beau jardin ! \" Demain il pleut."), ["Quel beau jardin ! \"", "Demain il pleut."]);
    assert_eq!(sents("fr", "Il crie : \" Je pars. \" Puis il sort."), ["Il crie : \" Je pars. \"", "Puis il sort."]);
    assert_eq!(
        sents("en", "He nodded. \" The barn burned.\" Then rain."),
        ["He nodded.", "\" The barn burned.\"", "Then rain."]
    );
    assert_eq!(sents("es", "Ganó dos veces. \"Nunca más\", dijo."), ["Ganó dos veces.", "\"Nunca más\", dijo."]);
}

/// A list number or punctuation alone is not a sentence: it opens the next
/// one (`4. Die …`, `(...) Les …`).
#[test]
fn number_or_punctuation_alone_opens_the_next_sentence() {
    assert_eq!(sents("de", "Sie gingen heim. 7. Die Regel gilt."), ["Sie gingen heim.", "7. Die Regel gilt."]);
    assert_eq!(sents("it", "Vale per tutti. 412. Norme sulle acque."), ["Vale per tutti.", "412. Norme sulle acque."]);
    assert_eq!(sents("fr", "Ils ont joué. (...) Demain tout change."), ["Ils ont joué.", "(...) Demain tout change."]);
    assert_eq!(sents("en", "It rained. Then 7. The end."), ["It rained.", "Then 7.", "The end."]);
}

/// A period between a number and a dash (`14.--`), or closing a known
/// abbreviation written against a word (`St.Paul`), ends no sentence; a
/// bracket closed after an abbreviation ends what it belonged to.
#[test]
fn periods_inside_and_abbreviations_before_a_bracket() {
    assert_eq!(sents("de", "Es kostet 12.-- Euro. Gut."), ["Es kostet 12.-- Euro.", "Gut."]);
    assert_eq!(sents("fr", "Voici Jean St.Paul Morin. Il chante."), ["Voici Jean St.Paul Morin.", "Il chante."]);
    assert_eq!(
        sents("fr", "Des fruits (pommes par ex.) Cependant rien ne pousse."),
        ["Des fruits (pommes par ex.)", "Cependant rien ne pousse."]
    );
    assert_eq!(sents("fr", "Des fruits par ex. Pommes et poires."), ["Des fruits par ex. Pommes et poires."]);
}

/// Month and weekday spellings that are ordinary words (`mer.` the sea,
/// `sept.` seven, `mar.`, `sun.`) end a sentence before a capitalised word,
/// not before a number or a month; other abbreviations still do not.
#[test]
fn word_like_abbreviations() {
    assert_eq!(sents("fr", "Nous étions sept. Demain nous rentrons."), ["Nous étions sept.", "Demain nous rentrons."]);
    assert_eq!(sents("fr", "Il nage dans la mer. Rivages calmes."), ["Il nage dans la mer.", "Rivages calmes."]);
    assert_eq!(
        sents("fr", "Le mer. 4 mars et le 9 sept. 2031 il part."),
        ["Le mer. 4 mars et le 9 sept. 2031 il part."]
    );
    assert_eq!(sents("es", "Navegó por el mar. Escocia quedó atrás."), ["Navegó por el mar.", "Escocia quedó atrás."]);
    assert_eq!(sents("pt", "Eram dez. Ontem vieram mais."), ["Eram dez.", "Ontem vieram mais."]);
    assert_eq!(sents("en", "We sat in the sun. Clouds came."), ["We sat in the sun.", "Clouds came."]);
    assert_eq!(sents("en", "On Sun. Mar. 8 we met."), ["On Sun. Mar. 8 we met."]);
    assert_eq!(
        sents("de", "Es dauerte 3 Std. Anfahrt war lang. Es dauerte 3 Std. Danach ging es."),
        ["Es dauerte 3 Std. Anfahrt war lang.", "Es dauerte 3 Std.", "Danach ging es."]
    );
}

/// A subject pronoun capitalised between lower-case words starts a sentence
/// whose last one had no final punctuation (not in a title, not in a
/// language without the list); an emoticon before a capitalised word ends one.
#[test]
fn pronoun_and_emoticon_sentence_ends() {
    assert_eq!(
        sents("de", "Das Zimmer war kalt Wir schliefen schlecht."),
        ["Das Zimmer war kalt", "Wir schliefen schlecht."]
    );
    assert_eq!(sents("en", "the soup was cold They never came back."), ["the soup was cold", "They never came back."]);
    assert_eq!(
        sents("en", "the film was called She Walks Alone today."),
        ["the film was called She Walks Alone today."]
    );
    assert_eq!(sents("en", "they met Mark He smiled."), ["they met Mark He smiled."]);
    assert_eq!(sents("es", "la sopa estaba fría Ellos no vinieron."), ["la sopa estaba fría Ellos no vinieron."]);
    assert_eq!(sents("de", "Sehr lecker ;-) Nächstes Mal wieder."), ["Sehr lecker ;-)", "Nächstes Mal wieder."]);
    assert_eq!(sents("en", "Loved it :) I will return."), ["Loved it :)", "I will return."]);
    assert_eq!(sents("en", "Loved it :) and more."), ["Loved it :) and more."]);
}

/// In German, a word that is lower case inside a sentence, capitalised
/// right after a word (lower case or a noun), starts a sentence whose last
/// one had no final punctuation; an article (a title, a party's name), the
/// polite `Sie` and other languages do not.
#[test]
fn german_lower_case_words_start_sentences() {
    assert_eq!(
        sents("de", "Das Frühstück war reichlich Leider fehlte der Kaffee"),
        ["Das Frühstück war reichlich", "Leider fehlte der Kaffee"]
    );
    assert_eq!(
        sents("de", "Gern wieder Über die Preise kann man nicht klagen."),
        ["Gern wieder", "Über die Preise kann man nicht klagen."]
    );
    assert_eq!(sents("de", "Alles bestens Ich komme wieder."), ["Alles bestens", "Ich komme wieder."]);
    for whole in [
        "Sie sprach mit der Partei Die Linke über den Haushalt.",
        "Er las gestern Das Parfum von Süskind.",
        "Probieren Sie unbedingt den Kuchen.",
        "Wir aßen im Gasthaus Zum Löwen und wohnten Am Markt.",
        "Der Termin ist in Ordnung.",
    ] {
        assert_eq!(sents("de", whole), [whole]);
    }
    assert_eq!(sents("nl", "het ontbijt was goed Leider niet."), ["het ontbijt was goed Leider niet."]);
}
