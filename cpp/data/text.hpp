// Bag-of-words features for a handful of labelled sentences: the sparse inputs on which
// AdaGrad gives rare words a larger step than common ones.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "data/dataset.hpp"

namespace adagrad::data {

struct BagOfWords {
  /// Words, most frequent first (ties alphabetical): column j of data.x counts vocabulary[j].
  std::vector<std::string> vocabulary;
  /// How many documents contain each word.
  std::vector<double> document_frequency;
  /// One row per text, one column per word (counts); y the labels.
  Dataset data;
};

/// Lower-cases ASCII, splits on anything that is not a letter, digit or apostrophe, and counts.
std::vector<std::string> tokenize(const std::string& text);

/// texts and labels (0/1) of equal, non-zero length; every text must have at least one word.
BagOfWords bag_of_words(std::span<const std::string> texts, std::span<const double> labels);

}  // namespace adagrad::data
