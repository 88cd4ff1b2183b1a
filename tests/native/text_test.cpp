// Bag-of-words features: tokenizing, the vocabulary's order, the counts, and the refusals.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "data/text.hpp"

using namespace adagrad::data;
using Catch::Message;
using Words = std::vector<std::string>;

TEST_CASE("tokenize lower-cases ASCII and keeps letters, digits and apostrophes", "[data][text]") {
  CHECK(tokenize("Don't STOP, 2 go!") == Words{"don't", "stop", "2", "go"});
  CHECK(tokenize("  ...  ") == Words{});
  CHECK(tokenize("a-b_c") == Words{"a", "b", "c"});
}

TEST_CASE("bag_of_words counts words, most frequent first and ties alphabetical", "[data][text]") {
  const std::vector<std::string> texts{"the cat sat", "The dog sat down", "a cat cat"};
  const std::vector<double> labels{1, 0, 1};
  const BagOfWords b = bag_of_words(texts, labels);
  // document frequencies: cat 2, sat 2, the 2, a 1, dog 1, down 1
  CHECK(b.vocabulary == Words{"cat", "sat", "the", "a", "dog", "down"});
  CHECK(b.document_frequency == std::vector<double>{2, 2, 2, 1, 1, 1});
  CHECK(b.data.n == 3);
  CHECK(b.data.dim == 6);
  CHECK(b.data.y == labels);
  // rows count each word's occurrences (so "cat cat" is 2)
  CHECK(std::vector<double>(b.data.x.begin(), b.data.x.begin() + 6) == std::vector<double>{1, 1, 1, 0, 0, 0});
  CHECK(std::vector<double>(b.data.x.begin() + 6, b.data.x.begin() + 12) == std::vector<double>{0, 1, 1, 0, 1, 1});
  CHECK(std::vector<double>(b.data.x.begin() + 12, b.data.x.end()) == std::vector<double>{2, 0, 0, 1, 0, 0});
}

TEST_CASE("bag_of_words refuses no texts, mismatched or non-0/1 labels and wordless texts", "[reject][data][text]") {
  const std::vector<std::string> none, two{"a b", "!!"};
  REQUIRE_THROWS_MATCHES(bag_of_words(none, std::vector<double>{}), std::invalid_argument, Message("texts must not be empty"));
  REQUIRE_THROWS_MATCHES(bag_of_words(two, std::vector<double>{1}), std::invalid_argument,
                         Message("labels has 1 values but texts has 2"));
  REQUIRE_THROWS_MATCHES(bag_of_words(two, std::vector<double>{2, 0}), std::invalid_argument,
                         Message("labels[0] must be 0 or 1, got 2"));
  REQUIRE_THROWS_MATCHES(bag_of_words(two, std::vector<double>{1, 0}), std::invalid_argument,
                         Message("texts[1] has no words"));
}
