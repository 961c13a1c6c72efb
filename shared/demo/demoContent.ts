// The built-in demo: a fictional but realistic digital strategy of a mid-sized
// German town and the cards of one bottom-up workshop on it. It is what a new user
// opens first and the seed that tests and benchmarks scale up.
import type { MeasureStatus, Priority } from '../schema/types';

export interface DemoMeasure {
  readonly title: string;
  readonly lead: string;
  readonly partners: readonly string[];
  readonly period: string;
  readonly priority: Priority;
  readonly funding: string;
  readonly status: MeasureStatus;
  readonly indicators: string;
}

export interface DemoGoal {
  readonly title: string;
  readonly indicator: string;
  readonly baseline: string;
  readonly target: string;
  readonly measures: readonly DemoMeasure[];
}

export interface DemoField {
  readonly title: string;
  readonly description: string;
  readonly goals: readonly DemoGoal[];
  readonly cards: readonly { readonly author: string; readonly text: string }[];
}

export interface DemoWorkshop {
  readonly workshop: { readonly title: string; readonly date: string; readonly place: string };
  readonly strategy: {
    readonly title: string;
    readonly organisation: string;
    readonly vision: string;
  };
  readonly fields: readonly DemoField[];
}

export const DEMO_WORKSHOP: DemoWorkshop = {
  workshop: {
    title: 'Beteiligungswerkstatt Digitale Stadtverwaltung Lindenau',
    date: '2027-03-11',
    place: 'Rathaus Lindenau, Großer Sitzungssaal',
  },
  strategy: {
    title: 'Digitalstrategie Lindenau 2030',
    organisation: 'Stadt Lindenau, Hauptamt – Sachgebiet Digitalisierung und E-Government',
    vision:
      'Lindenau ist 2030 eine Stadt, deren Verwaltung rund um die Uhr erreichbar ist: Anliegen lassen sich digital, barrierefrei und ohne Behördengang erledigen, wer persönliche Beratung braucht, bekommt sie im Bürgerbüro. Die Verwaltung arbeitet ämterübergreifend auf einer sicheren, souveränen IT, nutzt ihre Daten für bessere Entscheidungen und nimmt die Beschäftigten beim Wandel mit.',
  },
  fields: [
    {
      title: 'Bürgerservice digital',
      description:
        'Leistungen nach dem Onlinezugangsgesetz Ende-zu-Ende digital, verständlich und barrierefrei anbieten.',
      goals: [
        {
          title: 'Die 60 meistgenutzten Leistungen sind bis Ende 2027 vollständig online',
          indicator:
            'Anteil der Top-60-Leistungen mit Online-Antrag, E-Payment und digitalem Bescheid',
          baseline: '31 % (Stand 12/2025)',
          target: '100 % bis 12/2027',
          measures: [
            {
              title: 'Umsetzungsfahrplan OZG für die Top-60-Leistungen',
              lead: 'Hauptamt, SG Digitalisierung',
              partners: ['Bürgerbüro', 'Ordnungsamt', 'Amt für Soziales'],
              period: '01/2026–12/2027',
              priority: 'high',
              funding: 'Haushalt 2026/27, Produkt 1.1.1.03',
              status: 'inProgress',
              indicators: 'Anzahl digitalisierter Leistungen je Quartal',
            },
            {
              title: 'Anbindung des Antragsportals an die Fachverfahren über XÖV-Schnittstellen',
              lead: 'IT-Dienstleister Kommunale Datenzentrale',
              partners: ['Hauptamt, SG Digitalisierung', 'Fachämter'],
              period: '2026–2028',
              priority: 'high',
              funding: 'Haushalt, Fördermittel des Landes (Digitalpakt Kommunen)',
              status: 'planned',
              indicators: 'Anteil Online-Anträge ohne manuelle Nacherfassung',
            },
          ],
        },
        {
          title: 'Terminvergabe und Wartezeiten im Bürgerbüro sind planbar',
          indicator: 'Mittlere Wartezeit auf einen Termin im Bürgerbüro',
          baseline: '19 Werktage (2025)',
          target: 'höchstens 5 Werktage ab 2027',
          measures: [
            {
              title: 'Gemeinsame Online-Terminvergabe für alle Bürgerbüros und das Standesamt',
              lead: 'Bürgerbüro',
              partners: ['Standesamt', 'Hauptamt, SG Digitalisierung'],
              period: 'Q2/2026–Q4/2026',
              priority: 'medium',
              funding: 'Sachkosten Bürgerbüro',
              status: 'inProgress',
              indicators: 'Anteil online gebuchter Termine; Nichterscheinensquote',
            },
          ],
        },
      ],
      cards: [
        {
          author: 'Bürgerbüro, Meldewesen',
          text: 'Online-Anträge werden heute ausgedruckt und im Fachverfahren noch einmal abgetippt',
        },
        {
          author: 'Ordnungsamt, Gewerbe',
          text: 'Gewerbeanmeldung komplett online, inklusive Bezahlung per Karte oder PayPal',
        },
        {
          author: 'Amt für Soziales',
          text: 'Statusanzeige für Wohngeldanträge, damit die Telefonhotline entlastet wird',
        },
        {
          author: 'Standesamt',
          text: 'Urkunden digital bestellen und mit elektronischer Signatur erhalten',
        },
        {
          author: 'Seniorenbeirat',
          text: 'Bürgerbüro muss für Menschen ohne Internet weiter persönlich erreichbar bleiben',
        },
        {
          author: 'Kita-Verwaltung',
          text: 'Eine Anmeldung für alle Kitas statt Wartelisten in jeder Einrichtung',
        },
        {
          author: 'Bürgerbüro, Meldewesen',
          text: 'Formulare auch in Leichter Sprache, Englisch, Türkisch und Ukrainisch',
        },
      ],
    },
    {
      title: 'Daten und offene Verwaltung',
      description:
        'Verwaltungsdaten als Gemeingut bereitstellen, Entscheidungen datengestützt treffen.',
      goals: [
        {
          title: 'Nicht personenbezogene Daten werden standardmäßig offen veröffentlicht',
          indicator: 'Datensätze im Open-Data-Portal der Stadt',
          baseline: '47 Datensätze (2025)',
          target: '250 Datensätze bis 2028',
          measures: [
            {
              title: 'Open-Data-Leitlinie und Datenbeauftragte in jedem Amt',
              lead: 'Hauptamt, SG Digitalisierung',
              partners: ['Rechtsamt', 'Datenschutzbeauftragte', 'alle Ämter'],
              period: '2026',
              priority: 'medium',
              funding: 'ohne zusätzliche Mittel',
              status: 'planned',
              indicators: 'Anzahl benannter Datenbeauftragter; veröffentlichte Datensätze je Amt',
            },
          ],
        },
        {
          title: 'Der Einsatz von KI ist transparent und rechtssicher',
          indicator:
            'Anteil der KI-Anwendungen im KI-Register mit abgeschlossener Folgenabschätzung',
          baseline: 'kein Register vorhanden',
          target: '100 % ab 2027',
          measures: [
            {
              title: 'Öffentliches KI-Register und Prüfschema nach der KI-Verordnung',
              lead: 'Rechtsamt',
              partners: ['Datenschutzbeauftragte', 'Personalrat', 'Hauptamt, SG Digitalisierung'],
              period: 'Q3/2026–Q2/2027',
              priority: 'high',
              funding: 'Haushalt 2026, externe Rechtsberatung 25.000 €',
              status: 'planned',
              indicators: 'Registrierte KI-Anwendungen; abgeschlossene Prüfungen',
            },
          ],
        },
      ],
      cards: [
        {
          author: 'Stadtplanungsamt',
          text: 'Baustellen- und Verkehrsdaten als offene Daten für Navigations-Apps',
        },
        {
          author: 'Kämmerei',
          text: 'Haushaltsdaten verständlich visualisieren (Bürgerhaushalt online)',
        },
        {
          author: 'Personalrat',
          text: 'Vor jedem KI-Einsatz die Beschäftigten beteiligen, nicht erst danach',
        },
        { author: 'Umweltamt', text: 'Messdaten der Luftqualität in Echtzeit veröffentlichen' },
        {
          author: 'Rechtsamt',
          text: 'Klare Regeln, welche Daten personenbezogen sind und welche nicht',
        },
      ],
    },
    {
      title: 'Arbeiten in der digitalen Verwaltung',
      description:
        'Beschäftigte befähigen, Zusammenarbeit über Ämtergrenzen hinweg zur Regel machen.',
      goals: [
        {
          title: 'Alle Beschäftigten haben digitale Grundkompetenzen',
          indicator: 'Anteil der Beschäftigten mit abgeschlossenem Basiskurs Digitale Verwaltung',
          baseline: '18 % (2025)',
          target: '85 % bis Ende 2027',
          measures: [
            {
              title: 'Basiskurs Digitale Verwaltung (Blended Learning, 2 Tage)',
              lead: 'Personal- und Organisationsamt',
              partners: ['Studieninstitut für kommunale Verwaltung', 'Personalrat'],
              period: '2026–2027',
              priority: 'high',
              funding: 'Fortbildungsbudget 2026/27',
              status: 'inProgress',
              indicators: 'Teilnahmequote; Zufriedenheit der Teilnehmenden',
            },
          ],
        },
        {
          title: 'Die elektronische Akte ist in allen Ämtern eingeführt',
          indicator: 'Ämter mit produktiver E-Akte',
          baseline: '3 von 14 Ämtern',
          target: '14 von 14 bis 2028',
          measures: [
            {
              title: 'Stufenweiser Rollout der E-Akte mit Digitallotsen in jedem Amt',
              lead: 'Hauptamt, SG Organisation',
              partners: ['IT-Dienstleister Kommunale Datenzentrale', 'Personalrat', 'alle Ämter'],
              period: '2026–2028',
              priority: 'high',
              funding: 'Haushalt, Investitionsprogramm IT',
              status: 'inProgress',
              indicators: 'Ämter mit E-Akte; Anteil Papierakten im Neuzugang',
            },
          ],
        },
      ],
      cards: [
        {
          author: 'Jugendamt',
          text: 'Digitallotsen brauchen feste Stunden dafür, nicht zusätzlich zur Fallarbeit',
        },
        {
          author: 'Personalrat',
          text: 'Dienstvereinbarung zu mobilem Arbeiten und Erreichbarkeit',
        },
        {
          author: 'Bauordnungsamt',
          text: 'Gemeinsamer Projektraum für ämterübergreifende Vorhaben statt E-Mail-Ketten',
        },
        {
          author: 'Personal- und Organisationsamt',
          text: 'Kurze Lernvideos (5 Minuten) statt ganztägiger Schulungen',
        },
        { author: 'Kämmerei', text: 'E-Rechnung medienbruchfrei bis zur Buchung verarbeiten' },
      ],
    },
    {
      title: 'Sichere und souveräne IT',
      description:
        'Informationssicherheit, digitale Souveränität und nachhaltige IT-Infrastruktur.',
      goals: [
        {
          title: 'Die Stadt erfüllt den BSI-Standard 200-2 (Basis-Absicherung)',
          indicator: 'Umgesetzte Basis-Anforderungen des IT-Grundschutzes',
          baseline: '54 % (Audit 2025)',
          target: '100 % bis 2027',
          measures: [
            {
              title: 'Informationssicherheitsbeauftragte Person benennen und ISMS aufbauen',
              lead: 'Hauptamt',
              partners: ['IT-Dienstleister Kommunale Datenzentrale', 'Datenschutzbeauftragte'],
              period: '2026–2027',
              priority: 'high',
              funding: 'Stellenplan 2026 (1,0 VZÄ, E 11)',
              status: 'inProgress',
              indicators: 'Umsetzungsgrad Basis-Absicherung; Sicherheitsvorfälle je Jahr',
            },
          ],
        },
        {
          title: 'Offene Standards und Open-Source-Software werden bevorzugt',
          indicator: 'Anteil neuer Beschaffungen mit Prüfung auf Open-Source-Alternativen',
          baseline: 'keine Erhebung',
          target: '100 % der Beschaffungen ab 2027',
          measures: [
            {
              title: 'Beschaffungsleitfaden „Open Source zuerst“ mit Prüfpflicht',
              lead: 'Zentrale Vergabestelle',
              partners: ['Hauptamt, SG Digitalisierung', 'Rechtsamt'],
              period: '2027',
              priority: 'medium',
              funding: 'ohne zusätzliche Mittel',
              status: 'planned',
              indicators: 'Beschaffungen mit dokumentierter Prüfung',
            },
          ],
        },
      ],
      cards: [
        {
          author: 'IT-Dienstleister Kommunale Datenzentrale',
          text: 'Phishing-Übungen für alle Beschäftigten einmal im Jahr',
        },
        {
          author: 'Schulverwaltungsamt',
          text: 'Notfallhandbuch: Was tun, wenn die Fachverfahren ausfallen?',
        },
        {
          author: 'Umweltamt',
          text: 'Altgeräte aufbereiten und an Schulen und Vereine weitergeben',
        },
        {
          author: 'Zentrale Vergabestelle',
          text: 'Rahmenverträge mit anderen Kommunen gemeinsam ausschreiben',
        },
      ],
    },
    {
      title: 'Digitale Teilhabe',
      description: 'Niemand wird zurückgelassen: Zugang, Beratung und Beteiligung für alle.',
      goals: [
        {
          title: 'Alle Bürgerinnen und Bürger können digitale Angebote der Stadt nutzen',
          indicator: 'Beratungen in den Digitalsprechstunden pro Jahr',
          baseline: '0 (Angebot neu)',
          target: '1.500 Beratungen pro Jahr ab 2027',
          measures: [
            {
              title: 'Digitalsprechstunden in Stadtbibliothek und Stadtteilzentren',
              lead: 'Stadtbibliothek',
              partners: ['Seniorenbeirat', 'Volkshochschule', 'Quartiersmanagement'],
              period: 'ab Q1/2026, dauerhaft',
              priority: 'medium',
              funding: 'Förderprogramm Digitale Teilhabe des Landes, Eigenanteil 20 %',
              status: 'inProgress',
              indicators: 'Beratungen pro Jahr; Anteil Ratsuchender über 65',
            },
          ],
        },
        {
          title: 'Bürgerbeteiligung ist auch online möglich',
          indicator: 'Beteiligungsverfahren mit Online-Angebot',
          baseline: '2 von 9 Verfahren (2025)',
          target: 'alle Verfahren ab 2027',
          measures: [
            {
              title: 'Beteiligungsplattform auf Open-Source-Basis (z. B. Decidim) einführen',
              lead: 'Büro des Oberbürgermeisters',
              partners: ['Stadtplanungsamt', 'Hauptamt, SG Digitalisierung'],
              period: '2027',
              priority: 'low',
              funding: 'Haushalt 2027 (beantragt)',
              status: 'planned',
              indicators: 'Verfahren auf der Plattform; Teilnehmende je Verfahren',
            },
          ],
        },
      ],
      cards: [
        {
          author: 'Seniorenbeirat',
          text: 'Tablet-Kurse für Seniorinnen und Senioren in den Stadtteilzentren',
        },
        {
          author: 'Stadtbibliothek',
          text: 'Kostenloses WLAN und betreute Internetplätze in allen Zweigstellen',
        },
        {
          author: 'Beauftragte für Menschen mit Behinderungen',
          text: 'Alle neuen Online-Dienste vor dem Start auf Barrierefreiheit prüfen (BITV 2.0)',
        },
        {
          author: 'Jugendamt',
          text: 'Jugendliche über Social Media an der Stadtentwicklung beteiligen',
        },
        {
          author: 'Integrationsbüro',
          text: 'Mehrsprachige Erklärvideos zu den wichtigsten Online-Diensten',
        },
      ],
    },
  ],
};
