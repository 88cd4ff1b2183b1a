// The text figure's little corpus: 40 one-line movie reviews written for this lesson, half
// positive (label 1) and half negative (label 0). A handful of words ("the", "movie", "film",
// "was", "acting", "story") appear in many reviews; most words appear in only one, which is what
// makes a bag of words sparse. Some of those rare words carry the label on their own
// ("masterpiece", "dreadful"); others are neutral ("director", "year", "truly").
export const reviews = [
  // positive
  ['A masterpiece, and the acting is superb.', 1],
  ['The story was great and the cast was great too.', 1],
  ['This film is a joy from start to finish.', 1],
  ['Great acting, a great story and a moving score.', 1],
  ['The movie was good and the ending wonderful.', 1],
  ['I loved the film and its gentle humour.', 1],
  ['A good movie with a clever, gripping plot.', 1],
  ['The story is good and the photography luminous.', 1],
  ['This movie was great fun for the whole family.', 1],
  ['Charming, warm and funny: a good film.', 1],
  ['The acting was brilliant and the dialogue sharp.', 1],
  ['A great film that I would happily watch again.', 1],
  ['The movie is a delight, tender and honest.', 1],
  ['Good acting and a story that stays with you.', 1],
  ['The film was beautiful and surprisingly funny.', 1],
  ['A great cast in a smart, heartfelt movie.', 1],
  ['The story was exhilarating and the music good.', 1],
  ['One of the best films of the year, truly great.', 1],
  ['This movie was good and the director inventive.', 1],
  ['The acting is great and the pacing flawless.', 1],
  // negative
  ['The movie was bad and the acting was worse.', 0],
  ['A boring film with a dull, predictable story.', 0],
  ['This film was a waste of two hours.', 0],
  ['The story is bad and the ending is bad too.', 0],
  ['Boring acting in a boring movie.', 0],
  ['The plot was clumsy and the dialogue dreadful.', 0],
  ['A bad film, tedious from the first scene.', 0],
  ['I hated the movie and its smug characters.', 0],
  ['The acting was wooden and the story was bad.', 0],
  ['This movie is a mess, loud and pointless.', 0],
  ['A dull film that forgets its own story.', 0],
  ['The film was bad and the jokes fell flat.', 0],
  ['Boring, long, and the acting is bad.', 0],
  ['The movie was an insult, lazy and cynical.', 0],
  ['A bad story told badly by a bored cast.', 0],
  ['The film is boring and the music grating.', 0],
  ['The worst movie of the year, truly awful.', 0],
  ['This film was bad and the director careless.', 0],
  ['The acting was poor and the movie a chore.', 0],
  ['A forgettable film with a bad script.', 0],
];

/** @type {string[]} */
export const texts = reviews.map(([text]) => text);
/** @type {number[]} */
export const labels = reviews.map(([, label]) => label);
