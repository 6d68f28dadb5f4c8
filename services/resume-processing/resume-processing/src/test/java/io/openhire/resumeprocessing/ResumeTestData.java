package io.openhire.resumeprocessing;

import java.util.List;

/** Resumes the tests write themselves: realistic layouts, known answers. */
public final class ResumeTestData {

    private ResumeTestData() {}

    /** A backend engineer in Berlin, two jobs, a degree, skills with aliases. */
    public static List<String> priya() {
        return List.of(
                "Priya Raman",
                "Senior Backend Engineer",
                "Berlin, Germany | priya.raman@example.test | +49 30 901820 | linkedin.com/in/priya-raman | github.com/praman",
                "SUMMARY",
                "Backend engineer with 8 years of experience building payment and logistics platforms on the JVM.",
                "EXPERIENCE",
                "Senior Backend Engineer",
                "Northwind Logistics GmbH - Berlin, Germany",
                "March 2020 to Present",
                "• Led the move of 14 services to k8s, cutting deployment time by 60%.",
                "• Designed event-driven order flows with Apache Kafka and PostgreSQL.",
                "Software Engineer",
                "Contoso Payments Ltd - London, United Kingdom",
                "June 2016 to February 2020",
                "• Built Java and Spring Boot APIs handling 2,000 requests per second.",
                "EDUCATION",
                "Bachelor of Science in Computer Science",
                "Technical University of Munich",
                "2012 - 2016",
                "SKILLS",
                "Java, Kotlin, Spring Boot, Kubernetes, Docker, PostgreSQL, Kafka, AWS, Terraform, JS",
                "LANGUAGES",
                "English, German, Tamil",
                "CERTIFICATIONS",
                "AWS Certified Solutions Architect - Associate");
    }
}
