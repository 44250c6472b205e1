//! The about_ topics: text files in the 5.1 layout, written for ersim.

pub struct Topic {
    pub name: &'static str,
    pub text: &'static str,
}

pub const TOPICS: &[Topic] = &[
    Topic { name: "about_ersim", text: include_str!("about/about_ersim.help.txt") },
    Topic { name: "about_ErSim_Fidelity", text: include_str!("about/about_ErSim_Fidelity.help.txt") },
    Topic { name: "about_ErSim_Lifecycle", text: include_str!("about/about_ErSim_Lifecycle.help.txt") },
    Topic { name: "about_ErSim_Provider", text: include_str!("about/about_ErSim_Provider.help.txt") },
    Topic { name: "about_ErSim_Simulation_Controls", text: include_str!("about/about_ErSim_Simulation_Controls.help.txt") },
];

impl Topic {
    /// The SHORT DESCRIPTION, on one line (the Synopsis of a topic listing).
    pub fn synopsis(&self) -> String {
        let mut lines = self.text.lines().skip_while(|l| l.trim() != "SHORT DESCRIPTION").skip(1);
        let mut words = Vec::new();
        for l in lines.by_ref() {
            if l.trim().is_empty() {
                break;
            }
            words.push(l.trim());
        }
        words.join(" ")
    }
}

pub fn find(name: &str) -> Option<&'static Topic> {
    TOPICS.iter().find(|t| t.name.eq_ignore_ascii_case(name))
}
