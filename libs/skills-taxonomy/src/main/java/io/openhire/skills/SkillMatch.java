package io.openhire.skills;

/**
 * A skill found in a text.
 *
 * @param skill the taxonomy entry
 * @param surface the text as written ("k8s")
 * @param start character offset of the match in the text
 * @param end character offset just after it
 */
public record SkillMatch(Skill skill, String surface, int start, int end) {}
