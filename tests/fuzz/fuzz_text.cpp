// The text figure's data from arbitrary bytes: tokenize (any string: UTF-8, control bytes, NULs)
// and bag_of_words (texts and labels from the caller), then a logistic model trained on the bag.
//
// Promises checked: a word is a non-empty run of lower-case ASCII letters, digits, apostrophes
// and bytes >= 0x80, and the words are all of the text's such runs, in order; the vocabulary is
// distinct, most frequent first, ties alphabetical; document_frequency counts the texts that
// contain each word; each row of counts sums to its text's number of words; y is the labels;
// a text without a word, a label not 0 or 1, or mismatched lengths are refused.
#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/check.hpp"
#include "data/text.hpp"
#include "fuzz_common.hpp"
#include "nn/training.hpp"
#include "optim/adagrad.hpp"

using namespace adagrad;
using fuzz::accepted;

namespace {

bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c >= 0x80;
}

// The words by a second reading: split at every byte that is not a word byte.
std::vector<std::string> runs(const std::string& text) {
  std::vector<std::string> out;
  std::size_t k = 0;
  while (k < text.size()) {
    while (k < text.size() && !word_byte(static_cast<unsigned char>(text[k]))) ++k;
    const std::size_t start = k;
    while (k < text.size() && word_byte(static_cast<unsigned char>(text[k]))) ++k;
    if (k > start) {
      std::string w = text.substr(start, k - start);
      for (auto& c : w)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out.push_back(w);
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  FuzzedDataProvider in(bytes, size);
  std::vector<std::string> texts(in.ConsumeIntegralInRange<std::size_t>(0, 8));
  std::vector<double> labels(texts.size() + (in.ConsumeIntegralInRange<int>(0, 15) == 0 ? 1 : 0));
  for (auto& y : labels) y = in.ConsumeIntegralInRange<int>(0, 15) == 0 ? fuzz::any_double(in) : in.ConsumeBool();
  for (auto& t : texts) t = in.ConsumeRandomLengthString(80);

  if (fuzz::describing())
    for (std::size_t k = 0; k < texts.size(); ++k)
      std::fprintf(stderr, "text %zu (label %g): \"%s\"\n", k, k < labels.size() ? labels[k] : -1.0, texts[k].c_str());
  for (const auto& t : texts)
    FUZZ_EXPECT(data::tokenize(t) == runs(t), "tokenize does not give the text's runs of word bytes");

  data::BagOfWords bag;
  if (!accepted([&] { bag = data::bag_of_words(texts, labels); })) return 0;
  const auto& d = bag.data;
  FUZZ_EXPECT(labels.size() == texts.size() && !texts.empty(), "bag_of_words accepted mismatched texts and labels");
  FUZZ_EXPECT(d.n == texts.size() && d.dim == bag.vocabulary.size() && d.x.size() == d.n * d.dim, "the bag's shape");
  FUZZ_EXPECT(std::equal(d.y.begin(), d.y.end(), labels.begin()), "y is not the labels");
  FUZZ_EXPECT(std::set<std::string>(bag.vocabulary.begin(), bag.vocabulary.end()).size() == bag.vocabulary.size(),
         "a word twice in the vocabulary");
  for (std::size_t j = 0; j + 1 < d.dim; ++j) {
    const double a = bag.document_frequency[j], b = bag.document_frequency[j + 1];
    FUZZ_EXPECT(a > b || (a == b && bag.vocabulary[j] < bag.vocabulary[j + 1]),
           "the vocabulary is not most frequent first, ties alphabetical");
  }
  for (std::size_t j = 0; j < d.dim; ++j) {
    double containing = 0;
    for (std::size_t k = 0; k < d.n; ++k) containing += d.x[k * d.dim + j] > 0;
    FUZZ_EXPECT(containing == bag.document_frequency[j], "document_frequency of \"" + bag.vocabulary[j] + "\"");
  }
  for (std::size_t k = 0; k < d.n; ++k) {
    double sum = 0;
    for (std::size_t j = 0; j < d.dim; ++j) sum += d.x[k * d.dim + j];
    FUZZ_EXPECT(sum == static_cast<double>(data::tokenize(texts[k]).size()) && sum > 0, "a row's counts");
  }

  // the figure's model: logistic regression on the counts, trained by AdaGrad
  nn::TrainingRun run(nn::Mlp({.layers = {static_cast<long long>(d.dim), 1}, .activation = nn::Activation::linear}),
                      std::make_unique<optim::Adagrad>(optim::AdagradOptions{.lr = 0.5}), d);
  const auto s = run.epochs(3);
  FUZZ_EXPECT(!s.diverged && std::isfinite(s.loss) && s.accuracy >= 0 && s.accuracy <= 1, "training on a bag of words");
  return 0;
}
