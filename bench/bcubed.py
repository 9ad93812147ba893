"""B-cubed precision, recall and F1 (Bagga and Baldwin 1998) of a split of items into groups
against gold groups, as `parallax eval clustering` scores ECB+. Shared by the clustering benches
(bench/basil_clustering.py, bench/store_clustering.py)."""
import collections


def bcubed(found, gold):
    """`found` and `gold` map each item to its group; returns (f1, precision, recall, line), the
    line saying how many items, gold groups and found groups there are, and the scores."""
    members_found = collections.defaultdict(set)
    members_gold = collections.defaultdict(set)
    for item in found:
        members_found[found[item]].add(item)
        members_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in found:
        shared = len(members_found[found[item]] & members_gold[gold[item]])
        precision += shared / len(members_found[found[item]])
        recall += shared / len(members_gold[gold[item]])
    precision /= len(found)
    recall /= len(found)
    f1 = 2 * precision * recall / (precision + recall)
    line = (f"{len(found)} articles, {len(members_gold)} events, {len(members_found)} stories found: "
            f"B3 F1 {f1:.4f} (P {precision:.4f} / R {recall:.4f})")
    return f1, precision, recall, line
