#include "data/text.hpp"

#include <algorithm>
#include <map>

#include "core/check.hpp"

namespace adagrad::data {

std::vector<std::string> tokenize(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool part = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c >= 0x80;
    if (part) {
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : ch;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

BagOfWords bag_of_words(std::span<const std::string> texts, std::span<const double> labels) {
  if (texts.empty()) fail("texts must not be empty");
  require_same_size("labels", labels.size(), "texts", texts.size());
  for (std::size_t k = 0; k < labels.size(); ++k)
    if (labels[k] != 0.0 && labels[k] != 1.0)
      fail("labels[" + std::to_string(k) + "] must be 0 or 1, got " + format_number(labels[k]));
  std::vector<std::vector<std::string>> docs;
  std::map<std::string, double> frequency;
  for (std::size_t k = 0; k < texts.size(); ++k) {
    docs.push_back(tokenize(texts[k]));
    if (docs.back().empty()) fail("texts[" + std::to_string(k) + "] has no words");
    std::vector<std::string> unique = docs.back();
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    for (const auto& w : unique) frequency[w] += 1;
  }
  BagOfWords out;
  // Alphabetical from the map, then a stable sort by frequency: ties stay alphabetical.
  std::vector<std::pair<std::string, double>> words(frequency.begin(), frequency.end());
  std::stable_sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::map<std::string, std::size_t> column;
  for (std::size_t j = 0; j < words.size(); ++j) {
    column[words[j].first] = j;
    out.vocabulary.push_back(words[j].first);
    out.document_frequency.push_back(words[j].second);
  }
  auto& d = out.data;
  d.n = texts.size();
  d.dim = out.vocabulary.size();
  d.x.assign(checked_product("the bag of words (texts × distinct words)", d.n, d.dim), 0.0);
  d.y.assign(labels.begin(), labels.end());
  for (std::size_t k = 0; k < d.n; ++k)
    for (const auto& w : docs[k]) d.x[k * d.dim + column[w]] += 1;
  return out;
}

}  // namespace adagrad::data
